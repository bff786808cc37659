import type { Transaction } from '@libsql/client'

/**
 * `transaction` as it is, calling `afterEnd` once it commits, rolls back or closes, whether that
 * succeeded or not. While `isOpen` says no (its connection is gone), rolling back and closing do
 * nothing and it reads as closed.
 */
export const onTransactionEnd = (
  transaction: Transaction,
  afterEnd: () => void,
  isOpen: () => boolean = () => true,
): Transaction => ({
  execute: ((...args: Parameters<Transaction['execute']>) =>
    transaction.execute(...args)) as Transaction['execute'],
  batch: (statements) => transaction.batch(statements),
  executeMultiple: (sql) => transaction.executeMultiple(sql),
  commit: async () => {
    try {
      await transaction.commit()
    } finally {
      afterEnd()
    }
  },
  rollback: async () => {
    try {
      if (isOpen()) await transaction.rollback()
    } finally {
      afterEnd()
    }
  },
  close: () => {
    try {
      if (isOpen()) transaction.close()
    } finally {
      afterEnd()
    }
  },
  get closed() {
    return !isOpen() || transaction.closed
  },
})
