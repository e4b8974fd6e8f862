import { mkdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import nodemailer from "nodemailer";

/** One message to send; `id` makes its Message-ID, so a resend is recognisably the same message. */
export interface OutgoingEmail {
  id: string;
  to: string;
  subject: string;
  text: string;
}

export interface MailTransport {
  /** Where messages go, for the start-up log line ("smtp://host:port" or the folder). */
  readonly describe: string;
  send(email: OutgoingEmail): Promise<void>;
  close(): void;
}

export interface MailTransportOptions {
  /** SMTP_URL: smtp:// or smtps:// (user and password in the URL if the server wants them). */
  smtpUrl?: string | undefined;
  /** Without SMTP_URL each message is an .eml file in this folder (the data folder's mail/). */
  mailDir: string;
  /** MAIL_FROM: the From address. */
  from: string;
  /** How long one SMTP exchange may take. */
  timeoutMs?: number;
}

const messageId = (id: string) => `<outbox-${id}@shop.local>`;

/**
 * nodemailer over SMTP when SMTP_URL is set; otherwise messages are built by
 * nodemailer all the same and written as .eml files (open one in any mail
 * program). A file is written under a temporary name and renamed, and is
 * named by the outbox row, so writing it again replaces it: never two files.
 */
export function createMailTransport(options: MailTransportOptions): MailTransport {
  const timeoutMs = options.timeoutMs ?? 10_000;
  if (options.smtpUrl) {
    const url = new URL(options.smtpUrl);
    const transporter = nodemailer.createTransport({
      host: url.hostname,
      port: Number(url.port || (url.protocol === "smtps:" ? 465 : 25)),
      secure: url.protocol === "smtps:",
      ...(url.username
        ? { auth: { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } }
        : {}),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      // A test or local server without a certificate still gets STARTTLS when it offers it.
      tls: { rejectUnauthorized: url.searchParams.get("tls") !== "insecure" },
    });
    return {
      describe: `${url.protocol}//${url.host}`,
      async send(email) {
        await transporter.sendMail({
          from: options.from,
          to: email.to,
          subject: email.subject,
          text: email.text,
          messageId: messageId(email.id),
        });
      },
      close: () => transporter.close(),
    };
  }

  const builder = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    describe: options.mailDir,
    async send(email) {
      const info = await builder.sendMail({
        from: options.from,
        to: email.to,
        subject: email.subject,
        text: email.text,
        messageId: messageId(email.id),
      });
      await mkdir(options.mailDir, { recursive: true });
      const file = join(options.mailDir, `${email.id}.eml`);
      await writeFile(`${file}.tmp`, info.message as Buffer);
      await rename(`${file}.tmp`, file);
    },
    close: () => builder.close(),
  };
}
