/** How a validation and its required actions read on both sides' pages (decision 96). */
import type { ResponseOf } from '../api/client.ts';
import { SECTIONS } from '../../../functions/definitions/criteria.ts';

export type Validation = ResponseOf<'listValidations'>['items'][number];
export type RequiredAction = Validation['actions'][number];

/** The Security Profile question an action is about, in its words. */
export const criterionText = (criterion: string): string => {
  const [section, question] = criterion.split('.');
  const s = SECTIONS.find((x) => x.id === section);
  return `${s?.title ?? section}: ${s?.questions.find((q) => q.id === question)?.text ?? question}`;
};

export const ACTION_STATUS_WORDS: Record<RequiredAction['status'], string> = {
  open: 'Waiting for the company’s answer',
  answered: 'Answered, waiting for CBP',
  accepted: 'Accepted by CBP',
  returned: 'Returned by CBP: answer again',
};

export const VALIDATION_STATUS_WORDS: Record<Validation['status'], string> = {
  scheduling: 'Date being agreed',
  scheduled: 'Date agreed',
  reported: 'Report recorded: required actions to complete',
  closed: 'Closed',
};
