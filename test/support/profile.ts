import { questionsFor } from '../../functions/definitions/criteria.ts';
import type { CategoryId } from '../../functions/definitions/categories.ts';
import type { Answers } from '../../functions/schemas/requests/profile.ts';

/** Every question answered; text answers `textLength` characters long (tests of the limit go past it). */
export const completeAnswers = (category: CategoryId, textLength = 40): Answers =>
  Object.fromEntries(
    questionsFor(category).map((section) => [
      section.id,
      Object.fromEntries(
        section.questions.map((q) => [
          q.id,
          q.kind === 'yes-no' ? true : q.kind === 'choice' ? q.choices![0]! : `${q.id} `.padEnd(textLength, 'x'),
        ]),
      ),
    ]),
  );

export const accountInfoFor = (version: number) => ({
  version,
  contacts: [
    { name: 'Dana Reyes', title: 'Director of Trade Compliance', email: 'dana@example.com', phone: '+12025550143' },
  ],
  headquarters: { line1: '100 Harbor Way', city: 'Baltimore', region: 'MD', postalCode: '21230', country: 'US' },
  facilities: [],
  identifiers: { iorNumber: '12-3456789AB', ein: '12-3456789' },
});
