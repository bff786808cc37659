import { SMTPServer } from 'smtp-server'
import { simpleParser, type ParsedMail } from 'mailparser'

export type ReceivedMail = {
  /** The envelope's recipients, as the server accepted them. */
  to: string[]
  raw: string
  parsed: ParsedMail
  at: number
}

/**
 * A real SMTP server on a free loopback port (no TLS, any credentials accepted), keeping every message
 * it receives parsed by a MIME parser. `KAIJI_SMTP_URL` for a Kaiji server is its `url`.
 */
export const startSmtpServer = async ({
  rejectRecipients = [],
}: { rejectRecipients?: string[] } = {}) => {
  const received: ReceivedMail[] = []
  const server = new SMTPServer({
    secure: false,
    disabledCommands: ['STARTTLS'],
    authOptional: true,
    onAuth: (_auth, _session, callback) => callback(null, { user: 'kaiji' }),
    onRcptTo: (address, _session, callback) => {
      if (rejectRecipients.includes(address.address.toLowerCase()))
        return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }))
      callback()
    },
    onData: (stream, session, callback) => {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8')
        simpleParser(raw)
          .then((parsed) => {
            received.push({
              to: session.envelope.rcptTo.map((recipient) => recipient.address),
              raw,
              parsed,
              at: Date.now(),
            })
            callback()
          })
          .catch((error: Error) => callback(error))
      })
    },
    logger: false,
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  return {
    url: `smtp://kaiji:secret@127.0.0.1:${port}`,
    received,
    /** Waits until `count` messages match `match`; resolves with them (or with fewer after `timeoutMs`). */
    waitFor: async (
      match: (mail: ReceivedMail) => boolean,
      count = 1,
      timeoutMs = 20_000,
    ): Promise<ReceivedMail[]> => {
      const deadline = Date.now() + timeoutMs
      for (;;) {
        const found = received.filter(match)
        if (found.length >= count || Date.now() > deadline) return found
        await new Promise((resolve) => setTimeout(resolve, 100))
      }
    },
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

export type SmtpTestServer = Awaited<ReturnType<typeof startSmtpServer>>
