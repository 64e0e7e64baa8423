// The email of one person's notifications in one territory: French, plain text and a
// simple HTML alternative, with the one-click unsubscribe headers (RFC 8058) and a visible
// « Se désabonner » link to the site page (which asks before doing anything).
import type { NotificationFrequency, NotificationKind } from '../../schemas/db';
import type { Mail } from '../shared/mail/mailer';
import { SITE_PATHS, siteLink } from '../shared/mail/links';

export interface DigestItem {
  kind: NotificationKind;
  title: string;
  body: string;
  link: string;
  createdAt: Date;
}

export interface DigestInput {
  to: string;
  name: string;
  territory: string;
  frequency: Exclude<NotificationFrequency, 'never'>;
  items: DigestItem[];
  unsubscribeToken: string;
  publicUrl: string;
}

const INTRO: Record<DigestInput['frequency'], (n: number) => string> = {
  immediately: (n) => (n === 1 ? 'Du nouveau pour vous' : `${n} nouveautés pour vous`),
  daily: (n) => `Votre résumé du jour : ${n} ${n === 1 ? 'nouveauté' : 'nouveautés'}`,
  weekly: (n) => `Votre résumé de la semaine : ${n} ${n === 1 ? 'nouveauté' : 'nouveautés'}`,
};

const escapeHtml = (s: string) =>
  s.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

export function digestMail(d: DigestInput): Mail {
  const oneClick = siteLink(d.publicUrl, '/api/v1/unsubscribe', { token: d.unsubscribeToken });
  const unsubscribePage = siteLink(d.publicUrl, SITE_PATHS.unsubscribe, { token: d.unsubscribeToken });
  const preferences = siteLink(d.publicUrl, SITE_PATHS.notificationPreferences);
  const items = d.items.map((i) => ({ ...i, url: siteLink(d.publicUrl, i.link) }));
  const subject =
    d.frequency === 'immediately' && items.length === 1
      ? `${d.territory} : ${items[0].title}`.slice(0, 200)
      : `${d.territory} : ${INTRO[d.frequency](items.length)}`;
  const text = [
    `Bonjour ${d.name},`,
    '',
    `${INTRO[d.frequency](items.length)} sur ${d.territory} :`,
    '',
    ...items.flatMap((i) => [`- ${i.title}`, ...(i.body ? [`  ${i.body}`] : []), `  ${i.url}`, '']),
    'Choisir quels e-mails vous recevez et à quelle fréquence :',
    preferences,
    '',
    `Se désabonner de ces e-mails : ${unsubscribePage}`,
  ].join('\n');
  const html = `<!doctype html><html lang="fr"><body style="font-family:sans-serif;line-height:1.5;color:#1a1a1a">
<p>Bonjour ${escapeHtml(d.name)},</p>
<p>${escapeHtml(INTRO[d.frequency](items.length))} sur <strong>${escapeHtml(d.territory)}</strong> :</p>
<ul>${items
    .map((i) => `<li><a href="${escapeHtml(i.url)}">${escapeHtml(i.title)}</a>${i.body ? `<br>${escapeHtml(i.body)}` : ''}</li>`)
    .join('')}</ul>
<p style="font-size:0.9em"><a href="${escapeHtml(preferences)}">Choisir quels e-mails vous recevez</a> · <a href="${escapeHtml(unsubscribePage)}">Se désabonner</a></p>
</body></html>`;
  return {
    to: d.to,
    subject,
    text,
    html,
    headers: { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}
