import { describe, expect, it } from 'vitest';
import { answerProblems, changedAnswers, completeness, diff } from '../../functions/domain/profile-rules.ts';
import { oneYearAfter, windowOpensAt } from '../../functions/domain/certification-rules.ts';
import { questionsFor } from '../../functions/definitions/criteria.ts';
import { completeAnswers } from '../support/profile.ts';

describe('profile rules', () => {
  it('count required answers per category: a broker answers no container questions', () => {
    const broker = questionsFor('customs-broker').find((s) => s.id === 'container-trailer-security')!;
    expect(broker.questions).toHaveLength(0);
    expect(completeness('customs-broker', completeAnswers('customs-broker'))).toMatchObject({
      complete: true,
      missing: [],
    });
    const importer = completeness('importer', {});
    expect(importer.complete).toBe(false);
    expect(importer.missing).toHaveLength(importer.required);
  });

  it('count only required questions as answered: optional answers do not push the count past the required total', () => {
    const all = completeAnswers('importer');
    const c = completeness('importer', all);
    const optional = questionsFor('importer').flatMap((s) => s.questions.filter((q) => !q.required));
    expect(optional.length).toBeGreaterThan(0);
    expect(c).toMatchObject({ complete: true, answered: c.required, missing: [] });
    // Only optional answers: none of the required ones is answered yet.
    const optionalOnly = Object.fromEntries(
      questionsFor('importer').map((s) => [
        s.id,
        Object.fromEntries(s.questions.filter((q) => !q.required).map((q) => [q.id, all[s.id]![q.id]!])),
      ]),
    );
    const none = completeness('importer', optionalOnly);
    expect(none.answered).toBe(0);
    expect(none.missing).toHaveLength(none.required);
  });

  it('name every answer of the wrong kind or outside the criteria', () => {
    expect(
      answerProblems('importer', {
        'business-partners': {
          'partners-ctpat-verified': 'yes',
          'partner-review-frequency': 'weekly',
          'screening-process': true,
        },
        'physical-security': { 'made-up': true },
      }).map((p) => p.field),
    ).toEqual([
      'answers.business-partners.partners-ctpat-verified',
      'answers.business-partners.partner-review-frequency',
      'answers.business-partners.screening-process',
      'answers.physical-security.made-up',
    ]);
  });

  it('list added, changed and removed answers, and diff them by section', () => {
    const before = { 'personnel-security': { 'background-checks': 'yearly', 'termination-procedures': true } };
    const after = {
      'personnel-security': { 'background-checks': 'every two years' },
      'physical-security': { fencing: true },
    };
    expect(changedAnswers(before, after)).toEqual([
      'personnel-security.background-checks',
      'personnel-security.termination-procedures',
      'physical-security.fencing',
    ]);
    expect(diff(before, after).map((s) => [s.section, s.changes.map((c) => [c.question, c.from, c.to])])).toEqual([
      [
        'personnel-security',
        [
          ['background-checks', 'yearly', 'every two years'],
          ['termination-procedures', true, null],
        ],
      ],
      ['physical-security', [['fencing', null, true]]],
    ]);
  });

  it('put the next certification one calendar year out and open the window 90 days before it', () => {
    // The due date is a program date, kept as the instant its day starts in Washington.
    expect(oneYearAfter(new Date('2006-07-01T10:00:00Z')).toISOString()).toBe('2007-07-01T04:00:00.000Z');
    expect(windowOpensAt('2007-07-01T04:00:00.000Z').toISOString()).toBe('2007-04-02T04:00:00.000Z');
  });

  it('counts the year from the day of the certification in Washington, not in UTC', () => {
    // 10 pm EDT on July 1 is already July 2 in UTC; the next one is due July 1, 2007.
    expect(oneYearAfter(new Date('2006-07-02T02:00:00Z')).toISOString()).toBe('2007-07-01T04:00:00.000Z');
    // 11:30 pm EST on March 10, 2007. The same instant a UTC year on (04:30Z) is 00:30 EDT on
    // March 11, 2008, since DST began on March 9 that year; the due date is March 10.
    expect(oneYearAfter(new Date('2007-03-11T04:30:00Z')).toISOString()).toBe('2008-03-10T04:00:00.000Z');
    // The window opens across the November DST change at 00:00 EDT, 90 days before a January date in EST.
    expect(windowOpensAt('2007-01-27T05:00:00.000Z').toISOString()).toBe('2006-10-29T04:00:00.000Z');
  });
});
