import type { Payload } from 'payload'

import { importSourceFile } from '@seed/importSource'
import type { PartnerCategory, User } from '@/payload-types'
import { fieldErrors } from '../helpers/fieldErrors'
import { createTestPayload, type TestPayload } from '../helpers/testPayload'

let testPayload: TestPayload
let payload: Payload
const users: Record<string, User> = {}
let category: PartnerCategory

const makeUser = (
  email: string,
  role: User['role'],
  assignedLocales: User['assignedLocales'] = [],
) =>
  payload.create({
    collection: 'users',
    data: { email, password: 'Kaiji-Local-Passw0rd', role, assignedLocales },
  })

beforeAll(async () => {
  testPayload = await createTestPayload('access')
  payload = testPayload.payload
  await importSourceFile({ payload, actor: 'test' })
  users.admin = await makeUser('admin@local.test', 'admin')
  users.editor = await makeUser('editor@local.test', 'legal-editor')
  users.reviewer = await makeUser('reviewer@local.test', 'legal-reviewer')
  users.translatorEn = await makeUser('en@local.test', 'translator', ['en'])
  const { docs } = await payload.find({
    collection: 'partner-categories',
    where: { key: { equals: 'maps' } },
  })
  category = docs[0] as PartnerCategory
})
afterAll(async () => testPayload.cleanup())

const asUser = (name: string) => ({ user: users[name], overrideAccess: false })

describe('partner categories, Local API with a real user and overrideAccess: false', () => {
  it('every role reads; editing follows the locale', async () => {
    for (const name of ['admin', 'editor', 'reviewer', 'translatorEn']) {
      const { totalDocs } = await payload.find({
        collection: 'partner-categories',
        ...asUser(name),
      })
      expect(totalDocs).toBe(8)
    }
  })

  it('a legal editor edits the source locale', async () => {
    const updated = await payload.update({
      collection: 'partner-categories',
      id: category.id,
      locale: 'ja',
      data: { name: '地図(改訂)' },
      ...asUser('editor'),
    })
    expect(updated.name).toBe('地図(改訂)')
  })

  it('a reviewer edits nothing', async () => {
    await expect(
      payload.update({
        collection: 'partner-categories',
        id: category.id,
        locale: 'ja',
        data: { name: 'x' },
        ...asUser('reviewer'),
      }),
    ).rejects.toThrow(/not allowed/)
  })

  it('a translator edits only an assigned target locale, and never the structure', async () => {
    await expect(
      payload.update({
        collection: 'partner-categories',
        id: category.id,
        locale: 'ja',
        data: { name: 'x' },
        ...asUser('translatorEn'),
      }),
    ).rejects.toThrow(/not allowed/)
    await expect(
      payload.update({
        collection: 'partner-categories',
        id: category.id,
        locale: 'fr',
        data: { name: 'Cartes' },
        ...asUser('translatorEn'),
      }),
    ).rejects.toThrow(/not allowed/)
    await expect(
      payload.update({
        collection: 'partner-categories',
        id: category.id,
        locale: 'en',
        data: { name: 'Maps', order: 99, key: 'hijacked', icon: '🧭' },
        ...asUser('translatorEn'),
      }),
    ).rejects.toThrow(
      'Translators edit translatable text only; key, icon, order are the same in every locale and set by legal editors.',
    )
    const unchanged = await payload.findByID({
      collection: 'partner-categories',
      id: category.id,
      locale: 'en',
    })
    expect({ ...unchanged, name: unchanged.name ?? null }).toMatchObject({
      order: 3,
      key: 'maps',
      name: null,
    })
    // The admin form sends every field: unchanged structure values pass with the translation.
    const updated = await payload.update({
      collection: 'partner-categories',
      id: category.id,
      locale: 'en',
      data: { name: 'Maps', order: 3, key: 'maps', icon: unchanged.icon, retired: false },
      ...asUser('translatorEn'),
    })
    expect(updated).toMatchObject({ name: 'Maps', order: 3, key: 'maps' })
  })

  it("Payload's copy-to-locale obeys the same rules (cf. Payload issue #12361)", async () => {
    const { copyDataFromLocale } = await import('@payloadcms/ui/utilities/copyDataFromLocale')
    const asRequest = async (name: string) => {
      const { createLocalReq } = await import('payload')
      return createLocalReq({ user: users[name] }, payload)
    }
    const copy = async (name: string, fromLocale: string, toLocale: string) =>
      copyDataFromLocale({
        req: await asRequest(name),
        collectionSlug: 'partner-categories',
        docID: category.id,
        fromLocale,
        toLocale,
        overrideData: true,
      })
    const before = await payload.findByID({
      collection: 'partner-categories',
      id: category.id,
      locale: 'ja',
    })
    await expect(copy('translatorEn', 'en', 'ja')).rejects.toThrow(/not allowed/)
    await expect(copy('translatorEn', 'ja', 'fr')).rejects.toThrow(/not allowed/)
    await expect(copy('reviewer', 'ja', 'en')).rejects.toThrow(/not allowed/)
    const after = await payload.findByID({
      collection: 'partner-categories',
      id: category.id,
      locale: 'ja',
    })
    expect(after.name).toBe(before.name)
    expect(
      (await payload.findByID({ collection: 'partner-categories', id: category.id, locale: 'fr' }))
        .name ?? null,
    ).toBeNull()
    // Into an assigned locale it is an ordinary edit by that translator.
    await copy('translatorEn', 'ja', 'en')
    expect(
      (await payload.findByID({ collection: 'partner-categories', id: category.id, locale: 'en' }))
        .name,
    ).toBe(before.name)
    // …tracked by the workflow like any save: en goes to draft with the translator as its editor.
    const stateOf = async (locale: string) =>
      (
        await payload.find({
          collection: 'workflow-states',
          where: { key: { equals: `partner-categories:${category.id}:${locale}` } },
        })
      ).docs[0]
    expect(await stateOf('en')).toMatchObject({
      state: 'draft',
      editedSinceApproval: [String(users.translatorEn?.id)],
    })
    const events = await payload.find({
      collection: 'audit-events',
      where: { subject: { equals: `partner-categories:${category.id}` } },
      sort: '-id',
      limit: 1,
    })
    expect(events.docs[0]).toMatchObject({
      action: 'edit',
      locale: 'en',
      actorId: String(users.translatorEn?.id),
    })
  })

  it('only admins and legal editors create categories; only admins delete', async () => {
    await expect(
      payload.create({
        collection: 'partner-categories',
        locale: 'ja',
        data: { key: 'x-ray', order: 10, name: 'X' },
        ...asUser('translatorEn'),
      }),
    ).rejects.toThrow(/not allowed/)
    const created = await payload.create({
      collection: 'partner-categories',
      locale: 'ja',
      data: { key: 'payments', order: 9, name: '決済' },
      ...asUser('editor'),
    })
    await expect(
      payload.delete({ collection: 'partner-categories', id: created.id, ...asUser('editor') }),
    ).rejects.toThrow(/not allowed/)
    await payload.delete({ collection: 'partner-categories', id: created.id, ...asUser('admin') })
  })

  it('the source locale needs a name; a target locale may stay empty', async () => {
    expect(
      await fieldErrors(
        payload.create({
          collection: 'partner-categories',
          locale: 'ja',
          data: { key: 'nameless', order: 9 },
          ...asUser('editor'),
        }),
      ),
    ).toEqual([{ path: 'name', message: 'This field is required in the source locale (ja).' }])
    expect(
      await fieldErrors(
        payload.create({
          collection: 'partner-categories',
          locale: 'ja',
          data: { key: 'Bad Key', order: 9, name: 'x' },
          ...asUser('editor'),
        }),
      ),
    ).toEqual([
      {
        path: 'key',
        message: 'The key is lowercase words joined by hyphens, e.g. cloud-platform.',
      },
    ])
    const translated = await payload.update({
      collection: 'partner-categories',
      id: category.id,
      locale: 'ru',
      data: { description: null },
      ...asUser('editor'),
    })
    expect(translated.name ?? null).toBeNull()
  })

  it('nobody but the import writes the import record', async () => {
    const updated = await payload.update({
      collection: 'partner-categories',
      id: category.id,
      locale: 'ja',
      data: { imported: { by: 'forged' } },
      ...asUser('admin'),
    })
    expect(updated.imported?.by).toBe('test')
  })
})

describe('users', () => {
  it('non-admins see only themselves; admins see everyone', async () => {
    const mine = await payload.find({ collection: 'users', ...asUser('editor') })
    expect(mine.docs.map((user) => user.email)).toEqual(['editor@local.test'])
    const all = await payload.find({ collection: 'users', ...asUser('admin') })
    expect(all.totalDocs).toBe(4)
  })

  it('nobody but an admin changes a role or assigned locales, including their own', async () => {
    await expect(
      payload.update({
        collection: 'users',
        id: users.editor?.id ?? 0,
        data: { role: 'admin' },
        ...asUser('editor'),
      }),
    ).rejects.toThrow("Only an administrator can change a user's role.")
    await expect(
      payload.update({
        collection: 'users',
        id: users.translatorEn?.id ?? 0,
        data: { assignedLocales: ['en', 'fr'] },
        ...asUser('translatorEn'),
      }),
    ).rejects.toThrow("Only an administrator can change a user's assigned locales.")
    expect((await payload.findByID({ collection: 'users', id: users.editor?.id ?? 0 })).role).toBe(
      'legal-editor',
    )

    const renamed = await payload.update({
      collection: 'users',
      id: users.editor?.id ?? 0,
      data: { name: 'Eri', role: 'legal-editor' },
      ...asUser('editor'),
    })
    expect(renamed).toMatchObject({ name: 'Eri', role: 'legal-editor' })

    const promoted = await payload.update({
      collection: 'users',
      id: users.reviewer?.id ?? 0,
      data: { role: 'admin' },
      ...asUser('admin'),
    })
    expect(promoted.role).toBe('admin')
    await payload.update({
      collection: 'users',
      id: users.reviewer?.id ?? 0,
      data: { role: 'legal-reviewer' },
      ...asUser('admin'),
    })
  })

  it('a translator must have assigned locales; other roles have none', async () => {
    expect(await fieldErrors(makeUser('t2@local.test', 'translator', []))).toEqual([
      { path: 'assignedLocales', message: 'A translator needs at least one assigned locale.' },
    ])
    const editor = await makeUser('e2@local.test', 'legal-editor', ['fr'])
    expect(editor.assignedLocales).toEqual([])
  })

  it('enforces the password policy on every write', async () => {
    expect(
      await fieldErrors(
        payload.create({
          collection: 'users',
          data: { email: 'weak@local.test', password: 'weak', role: 'legal-editor' },
        }),
      ),
    ).toEqual([
      { path: 'password', message: 'the password must have at least 12 characters (it has 4)' },
    ])
    expect(
      await fieldErrors(
        payload.update({
          collection: 'users',
          id: users.editor?.id ?? 0,
          data: { password: 'editor-editor' },
          ...asUser('editor'),
        }),
      ),
    ).toEqual([{ path: 'password', message: 'the password must not contain the email address' }])
  })

  it('never returns password hashes or salts', async () => {
    const found = await payload.findByID({
      collection: 'users',
      id: users.admin?.id ?? 0,
      ...asUser('admin'),
      showHiddenFields: false,
    })
    expect(found).not.toHaveProperty('hash')
    expect(found).not.toHaveProperty('salt')
  })
})

describe('a sign-in writes its session and nothing else of the account', () => {
  it("an administrator's change saved after sign-in read the account (while it hashed the password) stands", async () => {
    const signer = await makeUser('signs-in@local.test', 'legal-reviewer')
    // Payload's sign-in is the second read of the account by email (verifySignIn reads it first);
    // the administrator's change lands right after it, as it can while the password is hashed.
    const findOne = payload.db.findOne.bind(payload.db)
    let reads = 0
    payload.db.findOne = (async (args: Parameters<typeof findOne>[0]) => {
      const found = await findOne(args)
      if (args.collection === 'users' && JSON.stringify(args.where).includes('signs-in@local.test'))
        if (++reads === 2)
          await payload.update({
            collection: 'users',
            id: signer.id,
            data: { role: 'legal-editor' },
          })
      return found
    }) as typeof findOne
    try {
      const { token } = await payload.login({
        collection: 'users',
        data: { email: 'signs-in@local.test', password: 'Kaiji-Local-Passw0rd' },
      })
      expect(token).toBeTruthy()
      expect(reads).toBe(2)
    } finally {
      payload.db.findOne = findOne
    }
    const now = await payload.findByID({ collection: 'users', id: signer.id, depth: 0 })
    expect(now.role).toBe('legal-editor')
    expect(now.sessions).toHaveLength(1)
  })
})
