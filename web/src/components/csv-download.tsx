import { ErrorSummary } from './form.tsx';
import { useAction } from './use-paged.ts';

/**
 * Hands the browser a text file to save, as a link to it clicked once: a report the API answered
 * as text (a CSV), which the page holds already. The byte-order mark lets spreadsheet programs
 * read the file as UTF-8 (the browser drops the one the API sent when it decodes the answer).
 */
export const saveTextFile = (fileName: string, text: string, type: string): void => {
  const url = URL.createObjectURL(new Blob(['\uFEFF', text], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has its own copy once it starts; the next task frees the page's.
  setTimeout(() => URL.revokeObjectURL(url), 0);
};

/**
 * A list's "Download (CSV)" button: reads the file's text from the API when pressed (the list's
 * filters are the caller's), hands it to the browser to save, and shows a refusal (a day past the
 * audit CSV's bound) in an error summary below it. Downloading changes nothing, so no cached read
 * goes stale.
 */
export const CsvDownload = ({
  label,
  fileName,
  read,
}: {
  label: string;
  fileName: string;
  read: () => Promise<string>;
}) => {
  const download = useAction({ changes: false });
  return (
    <>
      <div className="actions">
        <button
          type="button"
          className="usa-button usa-button--outline"
          disabled={download.busy}
          aria-busy={download.busy || undefined}
          onClick={() => download.run(async () => saveTextFile(fileName, await read(), 'text/csv'))}
        >
          {download.busy ? 'Preparing the CSV…' : label}
        </button>
      </div>
      <ErrorSummary error={download.error} />
    </>
  );
};
