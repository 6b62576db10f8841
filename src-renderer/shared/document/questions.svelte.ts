/**
 * Questions the app must ask before it acts (unsaved work, trained weights a change would discard), shown
 * one at a time in an in-app dialog. ask() resolves with the id of the choice the user made.
 */
export interface Choice {
  id: string;
  label: string;
  /** The choice the dialog's default button makes; 'danger' where it loses something. */
  tone?: 'primary' | 'danger';
}

export interface Question {
  title: string;
  message: string;
  choices: Choice[];
  /** What Escape or closing the dialog answers. */
  cancelId: string;
}

interface Asked extends Question {
  answer: (id: string) => void;
}

export class Questions {
  current = $state.raw<Asked | null>(null);
  private queue: Asked[] = [];

  ask(question: Question): Promise<string> {
    return new Promise((resolve) => {
      const asked: Asked = { ...question, answer: resolve };
      if (this.current) this.queue.push(asked);
      else this.current = asked;
    });
  }

  answer(id: string): void {
    const asked = this.current;
    if (!asked) return;
    this.current = this.queue.shift() ?? null;
    asked.answer(id);
  }
}
