// The mails of membership life: a request to validate, a decision, a new role, an
// invitation. French, or English for people whose locale is 'en'.
import type { Context } from 'hono';
import type { AppEnv } from '../shared/http/deps';
import type { Mail } from '../shared/mail/mailer';

export interface Recipient {
  email: string;
  name: string;
  locale: string;
}

const ROLE_FR = { admin: 'administrateur·rice', facilitator: 'animateur·rice', member: 'membre' } as const;
const ROLE_EN = { admin: 'administrator', facilitator: 'facilitator', member: 'member' } as const;
type Role = keyof typeof ROLE_FR;

export function joinRequestMail(to: Recipient, territory: string, applicant: string, message: string, link: string): Mail {
  const quoted = message.trim() ? `\n\n« ${message.trim()} »` : '';
  if (to.locale === 'en') {
    return {
      to: to.email,
      subject: `SoliTERR — ${applicant} asks to join ${territory}`,
      text: `Hello ${to.name},\n\n${applicant} asks to join ${territory} and has accepted its charter.${quoted}\n\nTo accept or decline the request:\n${link}\n`,
    };
  }
  return {
    to: to.email,
    subject: `SoliTERR — ${applicant} demande à rejoindre ${territory}`,
    text: `Bonjour ${to.name},\n\n${applicant} demande à rejoindre ${territory} et a accepté sa charte.${quoted}\n\nPour accepter ou refuser la demande :\n${link}\n`,
  };
}

export type Decision = 'approved' | 'reactivated' | 'rejected' | 'suspended';

const DECISION_FR: Record<Decision, [string, string]> = {
  approved: ['votre adhésion à %T est acceptée', 'Bienvenue ! Votre adhésion à %T est acceptée : vous pouvez publier vos offres et vos besoins.'],
  reactivated: ['votre adhésion à %T est de nouveau active', 'Votre adhésion à %T est de nouveau active.'],
  rejected: ["votre demande d'adhésion à %T n'est pas retenue", "Votre demande d'adhésion à %T n'a pas été retenue."],
  suspended: ['votre adhésion à %T est suspendue', "Votre adhésion à %T est suspendue. Pour en parler, répondez aux animateurs du territoire."],
};
const DECISION_EN: Record<Decision, [string, string]> = {
  approved: ['your membership of %T is accepted', 'Welcome! Your membership of %T is accepted: you can now post your offers and needs.'],
  reactivated: ['your membership of %T is active again', 'Your membership of %T is active again.'],
  rejected: ['your request to join %T was declined', 'Your request to join %T was declined.'],
  suspended: ['your membership of %T is suspended', 'Your membership of %T is suspended. To talk about it, contact the facilitators of the territory.'],
};

export function decisionMail(to: Recipient, decision: Decision, territory: string, message: string | null, link: string): Mail {
  const en = to.locale === 'en';
  const [subject, body] = (en ? DECISION_EN : DECISION_FR)[decision].map((s) => s.replace('%T', territory));
  const note = message?.trim() ? `\n\n« ${message.trim()} »` : '';
  return {
    to: to.email,
    subject: `SoliTERR — ${subject}`,
    text: `${en ? 'Hello' : 'Bonjour'} ${to.name},\n\n${body}${note}\n\n${link}\n`,
  };
}

export function roleChangedMail(to: Recipient, role: Role, territory: string, link: string): Mail {
  if (to.locale === 'en') {
    return {
      to: to.email,
      subject: `SoliTERR — your role in ${territory}: ${ROLE_EN[role]}`,
      text: `Hello ${to.name},\n\nYour role in ${territory} is now: ${ROLE_EN[role]}.\n\n${link}\n`,
    };
  }
  return {
    to: to.email,
    subject: `SoliTERR — votre rôle dans ${territory} : ${ROLE_FR[role]}`,
    text: `Bonjour ${to.name},\n\nVotre rôle dans ${territory} est désormais : ${ROLE_FR[role]}.\n\n${link}\n`,
  };
}

/** The invitee may have no account yet, so no known language: French first, then English. */
export function invitationMail(to: string, territory: string, inviter: string, role: Role, message: string, link: string): Mail {
  const quoted = message.trim() ? `\n\n« ${message.trim()} »` : '';
  return {
    to,
    subject: `SoliTERR — ${inviter} vous invite à rejoindre ${territory}`,
    text:
      `Bonjour,\n\n${inviter} vous invite à rejoindre ${territory} sur SoliTERR comme ${ROLE_FR[role]}.${quoted}\n\n` +
      `Pour accepter, ouvrez ce lien (valable 14 jours) ; il vous suffira de créer un compte ou de vous connecter :\n${link}\n\n` +
      `---\n${inviter} invites you to join ${territory} on SoliTERR as ${ROLE_EN[role]}. Open the link above (valid 14 days) to accept.\n`,
  };
}

/** Sends after the change is committed: a mail that fails is logged, the decision stands. */
export async function deliver(c: Context<AppEnv>, mails: Mail[]): Promise<void> {
  for (const mail of mails) {
    try {
      await c.get('deps').mailer.send(mail);
    } catch (err) {
      c.get('log').warn('mail not sent', { subject: mail.subject, error: String(err) });
    }
  }
}
