/**
 * The Security Profile's rules as pure functions: which answers a category gives, whether they
 * fit the criteria, what is missing, and what changed between two versions.
 */
import { questionsFor, SECTIONS } from '../definitions/criteria.ts';
import type { CategoryId } from '../definitions/categories.ts';
import type { ErrorDetail } from '../errors.ts';
import type { Completeness } from '../schemas/profile.ts';
import type { Answers } from '../schemas/requests/profile.ts';

/** Problems with answers the criteria do not ask of this category, or of the wrong kind. */
export const answerProblems = (category: CategoryId, answers: Answers): ErrorDetail[] => {
  const problems: ErrorDetail[] = [];
  const sections = questionsFor(category);
  for (const [sectionId, given] of Object.entries(answers)) {
    const section = sections.find((s) => s.id === sectionId);
    if (!section) {
      problems.push({ field: `answers.${sectionId}`, message: 'is not a section of the profile' });
      continue;
    }
    for (const [questionId, answer] of Object.entries(given)) {
      const field = `answers.${sectionId}.${questionId}`;
      const question = section.questions.find((q) => q.id === questionId);
      if (!question) problems.push({ field, message: `is not a question of this section for category ${category}` });
      else if (question.kind === 'yes-no' && typeof answer !== 'boolean')
        problems.push({ field, message: 'must be true or false' });
      else if (question.kind === 'text' && typeof answer !== 'string')
        problems.push({ field, message: 'must be text' });
      else if (question.kind === 'choice' && !question.choices?.includes(answer as string))
        problems.push({ field, message: `must be one of: ${question.choices?.join(', ')}` });
    }
  }
  return problems;
};

/**
 * Which required answers are missing for this category. `answered` counts required questions
 * only, so it never exceeds `required` however many optional questions are answered.
 */
export const completeness = (category: CategoryId, answers: Answers): Completeness => {
  const missing = [];
  let required = 0;
  for (const section of questionsFor(category)) {
    for (const question of section.questions) {
      if (!question.required) continue;
      required += 1;
      if (answers[section.id]?.[question.id] === undefined)
        missing.push({ section: section.id, question: question.id, text: question.text });
    }
  }
  return { complete: missing.length === 0, answered: required - missing.length, required, missing };
};

const keysOf = (answers: Answers) =>
  Object.entries(answers).flatMap(([s, qs]) => Object.keys(qs).map((q) => `${s}.${q}`));

/** `section.question` of every answer added, changed or removed between two answer sets. */
export const changedAnswers = (before: Answers, after: Answers): string[] => {
  const keys = new Set([...keysOf(before), ...keysOf(after)]);
  return [...keys]
    .filter((key) => {
      const [s, q] = key.split('.') as [string, string];
      return before[s]?.[q] !== after[s]?.[q];
    })
    .sort();
};

/** The difference between two versions, section by section, with each question's text. */
export const diff = (before: Answers, after: Answers) =>
  SECTIONS.map((section) => ({
    section: section.id,
    title: section.title,
    changes: section.questions
      .filter((q) => before[section.id]?.[q.id] !== after[section.id]?.[q.id])
      .map((q) => ({
        question: q.id,
        text: q.text,
        from: before[section.id]?.[q.id] ?? null,
        to: after[section.id]?.[q.id] ?? null,
      })),
  })).filter((s) => s.changes.length > 0);
