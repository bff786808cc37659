/** One account per role, made with the real `npm run create-user` before the tests. */
export const TEST_PASSWORD = 'Kaiji-Test-Passw0rd'

export const TEST_USERS = {
  admin: { email: 'admin@kaiji.test', role: 'admin' },
  editor: { email: 'editor@kaiji.test', role: 'legal-editor' },
  editor2: { email: 'editor2@kaiji.test', role: 'legal-editor' },
  reviewer: { email: 'reviewer@kaiji.test', role: 'legal-reviewer' },
  translatorEn: { email: 'translator-en@kaiji.test', role: 'translator', locales: 'en' },
  translatorFrRu: { email: 'translator-frru@kaiji.test', role: 'translator', locales: 'fr,ru' },
}
