/**
 * The official U.S. government banner (the U.S. Web Design System's pattern, text only): who
 * runs the site, and a disclosure explaining how to tell an official, secure site.
 */
import { useId, useState } from 'react';

export const GovBanner = () => {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <section className="gov-banner" aria-label="Official website of the United States government">
      <div className="gov-banner__inner">
        <p className="gov-banner__line">
          An official website of the United States government{' '}
          <button
            type="button"
            className="gov-banner__toggle"
            aria-expanded={open}
            aria-controls={id}
            onClick={() => setOpen(!open)}
          >
            Here's how you know
          </button>
        </p>
        <div id={id} className="gov-banner__content" hidden={!open}>
          <div>
            <p>
              <strong>Official websites use .gov</strong>
            </p>
            <p>
              A <strong>.gov</strong> website belongs to an official government organization in the United States.
            </p>
          </div>
          <div>
            <p>
              <strong>Secure .gov websites use HTTPS</strong>
            </p>
            <p>
              A lock or <strong>https://</strong> means you've safely connected to the .gov website. Share sensitive
              information only on official, secure websites.
            </p>
          </div>
        </div>
      </div>
    </section>
  );
};
