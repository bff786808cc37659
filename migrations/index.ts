import * as migration_20261129_221829_initial from './20261129_221829_initial';

export const migrations = [
  {
    up: migration_20261129_221829_initial.up,
    down: migration_20261129_221829_initial.down,
    name: '20261129_221829_initial'
  },
];
