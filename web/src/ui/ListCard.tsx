import type { ReactNode } from 'react';

interface Props {
  /** Names the heading's id, `${name}-heading`, which labels the section. */
  name: string;
  title: string;
  /** Shown instead of the list when it has nothing in it. */
  emptyText: string;
  isEmpty: boolean;
  /** The list itself (a `<ul>`). */
  list: ReactNode;
  /** What follows the list: errors, a form to add to it. */
  children?: ReactNode;
}

/** A card with a heading, a list (or a line saying it is empty), and what follows it. */
export function ListCard({ name, title, emptyText, isEmpty, list, children }: Props) {
  return (
    <section className="card" aria-labelledby={`${name}-heading`}>
      <h2 id={`${name}-heading`}>{title}</h2>
      {isEmpty ? <p className="muted">{emptyText}</p> : list}
      {children}
    </section>
  );
}
