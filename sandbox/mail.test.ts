// The sandbox's mail catcher: real SMTP in through nodemailer, the parsed mail out at
// GET /_sandbox/mail, newest first, and gone after DELETE /_sandbox/mail.
import { createTransport } from 'nodemailer';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSandbox, type Sandbox } from './server';

let sandbox: Sandbox;
let url: string;
let smtp: string;
beforeAll(async () => {
  sandbox = createSandbox();
  ({ url, smtp } = await sandbox.listen(0, '127.0.0.1', 0));
});
afterAll(() => sandbox.close());
beforeEach(async () => {
  await fetch(`${url}/_sandbox/mail`, { method: 'DELETE' });
});

async function send(subject: string, to: string) {
  const transport = createTransport(smtp);
  try {
    await transport.sendMail({
      from: 'Signpost <signpost@signpost.localhost>',
      to,
      subject,
      text: `Plain ${subject}`,
      html: `<p>Rich ${subject}</p>`,
    });
  } finally {
    transport.close();
  }
}

const listed = async () => {
  const response = await fetch(`${url}/_sandbox/mail`);
  return (await response.json()) as {
    to: string[];
    from: string;
    subject: string;
    text: string;
    html: string | null;
    date: string | null;
    receivedAt: string;
  }[];
};

describe('the mail catcher', () => {
  it('lists each mail it received, newest first, with its recipients, subject and both bodies', async () => {
    await send('First', 'lead@nw-rocu.example');
    await send('Second', 'comms@lancashire.example, viewer@cumbria.example');
    const mail = await listed();
    expect(mail.map((one) => one.subject)).toEqual(['Second', 'First']);
    expect(mail[0]).toMatchObject({
      to: ['comms@lancashire.example', 'viewer@cumbria.example'],
      from: expect.stringContaining('<signpost@signpost.localhost>'),
      text: expect.stringContaining('Plain Second'),
      html: expect.stringContaining('<p>Rich Second</p>'),
    });
    expect(Number.isNaN(Date.parse(mail[0]?.receivedAt ?? ''))).toBe(false);
    expect(Number.isNaN(Date.parse(mail[0]?.date ?? ''))).toBe(false);
  });

  it('forgets everything on DELETE /_sandbox/mail', async () => {
    await send('Gone', 'lead@nw-rocu.example');
    const deleted = await fetch(`${url}/_sandbox/mail`, { method: 'DELETE' });
    expect(await deleted.json()).toEqual({ deleted: 1 });
    expect(await listed()).toEqual([]);
  });
});
