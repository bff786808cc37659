export declare const TEST_PASSWORD: string
export declare const TEST_USERS: {
  admin: { email: string; role: 'admin' }
  editor: { email: string; role: 'legal-editor' }
  editor2: { email: string; role: 'legal-editor' }
  reviewer: { email: string; role: 'legal-reviewer' }
  translatorEn: { email: string; role: 'translator'; locales: string }
  translatorFrRu: { email: string; role: 'translator'; locales: string }
}
