/** A reward's name in the reader's language (English falls back to the Chinese name). Text only. */
export function localName(r: { name: string; nameEn: string | null }, locale: string): string {
  return locale === "en" ? (r.nameEn ?? r.name) : r.name;
}

/** The other language's name, when there is one and it differs (shown small under the main one). */
export function otherName(r: { name: string; nameEn: string | null }, locale: string): string | null {
  const other = locale === "en" ? r.name : r.nameEn;
  return other && other !== localName(r, locale) ? other : null;
}
