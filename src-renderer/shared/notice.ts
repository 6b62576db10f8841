/** A message the app shows in its banner until dismissed or replaced: a problem or a confirmation. */
export interface Notice {
  tone: 'error' | 'info';
  text: string;
}
