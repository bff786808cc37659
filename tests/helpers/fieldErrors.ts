/** Runs a Local API call that must fail validation and returns the per-field messages it carried. */
export const fieldErrors = async (
  operation: Promise<unknown>,
): Promise<Array<{ path: string; message: string }>> => {
  try {
    await operation
  } catch (error) {
    const errors = (error as { data?: { errors?: Array<{ path: string; message: string }> } }).data
      ?.errors
    if (!errors) throw error
    return errors.map(({ path, message }) => ({ path, message }))
  }
  throw new Error('expected a validation error')
}
