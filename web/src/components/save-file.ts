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
