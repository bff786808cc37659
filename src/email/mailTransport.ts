import { randomUUID } from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'

import nodemailer, { type SendMailOptions } from 'nodemailer'

export type MailTransportOptions = {
  /** smtp:// or smtps://; null writes each message as an .eml file under `outboxDir`. */
  smtpUrl: string | null
  outboxDir: string
  /** Connection, greeting and socket timeouts for SMTP. */
  timeoutMs: number
}

export type SentMail = { messageId: string; response: string }

export type MailTransport = {
  /** `smtp` sends for real; `files` only writes what would have been sent. */
  kind: 'smtp' | 'files'
  /** Where messages go, without credentials: for logs and refusals. */
  describe: string
  send: (message: SendMailOptions) => Promise<SentMail>
  close: () => void
}

const withoutCredentials = (smtpUrl: string): string => {
  const url = new URL(smtpUrl)
  url.username = ''
  url.password = ''
  return url.toString()
}

const fileName = (messageId: string): string =>
  `${new Date().toISOString().replace(/[:.]/g, '-')}-${messageId.replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80) || randomUUID()}.eml`

/** Writes the whole file, then renames it into place, so a reader never opens half a message. */
const writeAtomically = async (file: string, contents: Buffer): Promise<void> => {
  const partial = `${file}.${process.pid}.partial`
  await fs.writeFile(partial, contents)
  await fs.rename(partial, file)
}

export const createMailTransport = ({
  smtpUrl,
  outboxDir,
  timeoutMs,
}: MailTransportOptions): MailTransport => {
  if (smtpUrl) {
    const transport = nodemailer.createTransport({
      url: smtpUrl,
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
    })
    return {
      kind: 'smtp',
      describe: withoutCredentials(smtpUrl),
      send: async (message) => {
        const info = await transport.sendMail(message)
        return { messageId: info.messageId, response: String(info.response) }
      },
      close: () => transport.close(),
    }
  }
  const composer = nodemailer.createTransport({
    streamTransport: true,
    buffer: true,
    newline: 'unix',
  })
  return {
    kind: 'files',
    describe: `.eml files in ${outboxDir}`,
    send: async (message) => {
      const info = await composer.sendMail(message)
      await fs.mkdir(outboxDir, { recursive: true })
      const file = path.join(outboxDir, fileName(info.messageId))
      await writeAtomically(file, info.message as Buffer)
      return { messageId: info.messageId, response: `written to ${file}` }
    },
    close: () => composer.close(),
  }
}
