/** The frame of each section of a company's record, and the answer of a section with nothing filed yet. */
import type { ReactNode } from 'react';
import { Empty, LoadError } from '../../../components/data.tsx';

export const Section = ({ id, title, children }: { id: string; title: string; children: ReactNode }) => (
  <section className="cbp-section" aria-labelledby={id} id={`section-${id}`}>
    <h2 id={id}>{title}</h2>
    {children}
  </section>
);

/** A 404 here means "not filed yet", not a broken page. */
export const NotYet = ({
  error,
  retry,
  text,
}: {
  error: Parameters<typeof LoadError>[0]['error'];
  retry: () => void;
  text: string;
}) => (error.status === 404 ? <Empty>{text}</Empty> : <LoadError error={error} retry={retry} />);
