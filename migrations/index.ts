import * as migration_20261129_222846_initial from './20261129_222846_initial';

export const migrations = [
  {
    up: migration_20261129_222846_initial.up,
    down: migration_20261129_222846_initial.down,
    name: '20261129_222846_initial'
  },
];
