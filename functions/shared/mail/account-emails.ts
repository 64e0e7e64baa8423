import type { Mail } from './mailer';

export function verificationMail(to: string, name: string, link: string, locale: string): Mail {
  if (locale === 'en') {
    return {
      to,
      subject: 'SoliTERR — confirm your email address',
      text: `Hello ${name},\n\nTo confirm your email address, open this link (valid 48 hours):\n${link}\n\nIf you did not create a SoliTERR account, ignore this message.\n`,
    };
  }
  return {
    to,
    subject: 'SoliTERR — confirmez votre adresse e-mail',
    text: `Bonjour ${name},\n\nPour confirmer votre adresse e-mail, ouvrez ce lien (valable 48 heures) :\n${link}\n\nSi vous n'avez pas créé de compte SoliTERR, ignorez ce message.\n`,
  };
}

export function resetMail(to: string, name: string, link: string, locale: string): Mail {
  if (locale === 'en') {
    return {
      to,
      subject: 'SoliTERR — choose a new password',
      text: `Hello ${name},\n\nSomeone asked to reset the password of this account. To choose a new one, open this link (valid 1 hour):\n${link}\n\nAll your sessions will be signed out. If it was not you, ignore this message: your password stays the same.\n`,
    };
  }
  return {
    to,
    subject: 'SoliTERR — choisissez un nouveau mot de passe',
    text: `Bonjour ${name},\n\nUne demande de réinitialisation du mot de passe de ce compte a été faite. Pour en choisir un nouveau, ouvrez ce lien (valable 1 heure) :\n${link}\n\nToutes vos sessions seront déconnectées. Si ce n'était pas vous, ignorez ce message : votre mot de passe reste le même.\n`,
  };
}
