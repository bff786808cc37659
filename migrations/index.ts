import * as migration_20261129_222846_initial from './20261129_222846_initial';
import * as migration_20261129_232854_review_workflow from './20261129_232854_review_workflow';

export const migrations = [
  {
    up: migration_20261129_222846_initial.up,
    down: migration_20261129_222846_initial.down,
    name: '20261129_222846_initial',
  },
  {
    up: migration_20261129_232854_review_workflow.up,
    down: migration_20261129_232854_review_workflow.down,
    name: '20261129_232854_review_workflow'
  },
];
