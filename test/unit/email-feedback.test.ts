import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { feedbackOf, recordFeedback } from '../../functions/domain/email-feedback.ts';
import { contactsOf } from '../../functions/domain/notices.ts';
import { sequentialIds } from '../support/factories.ts';

const recorded = (name: string) =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'fixtures', name), 'utf8')) as {
    detail: Record<string, any>;
  };

describe('feedbackOf', () => {
  it('reads the addresses of a permanent bounce, lower-cased and once each', () => {
    const event = recorded('ses-event-bounce-permanent.json');
    event.detail.bounce.bouncedRecipients.push(
      { emailAddress: 'Security@Gone-Importer.example.com' },
      { emailAddress: 'second@example.com' },
    );
    expect(feedbackOf(event)).toEqual({
      reason: 'bounce',
      detail: 'General',
      at: '2025-03-11T14:02:31.512Z',
      sesMessageId: '0100019582a1a9f8-2c4e6a8b-1d3f-4b5c-9e7a-8f6d4c2b0a19-000000',
      addresses: ['security@gone-importer.example.com', 'second@example.com'],
    });
  });

  it('reads a complaint, and ignores transient and undetermined bounces, other events and other envelopes', () => {
    expect(feedbackOf(recorded('ses-event-complaint.json'))).toMatchObject({
      reason: 'complaint',
      detail: 'abuse',
      addresses: ['backup-contact@complaining-broker.example.com'],
    });
    expect(feedbackOf(recorded('ses-event-bounce-transient.json'))).toBeNull();
    const undetermined = recorded('ses-event-bounce-permanent.json');
    undetermined.detail.bounce.bounceType = 'Undetermined';
    expect(feedbackOf(undetermined)).toBeNull();
    // An SNS notification is not the path the stack wires (EventBridge is): it is not read.
    expect(
      feedbackOf({
        Records: [
          {
            EventSource: 'aws:sns',
            Sns: { Message: JSON.stringify(recorded('ses-event-bounce-permanent.json').detail) },
          },
        ],
      }),
    ).toBeNull();
    expect(feedbackOf(null)).toBeNull();
  });
});

describe('recordFeedback', () => {
  it('marks the POC and the secondary contact of the companies that use the address, and counts only the marks made now', async () => {
    const marks: string[] = [];
    const deps = {
      ids: sequentialIds(),
      contacts: {
        recordUnreachable: async () => true,
        companiesReachedAt: async () => ({ poc: ['a'], secondary: ['b', 'c'] }),
        markUnreachable: async (companyId: string, role: 'poc' | 'secondary') => {
          marks.push(`${companyId}:${role}`);
          return companyId !== 'c';
        },
      },
    };
    const report = await recordFeedback(
      deps,
      recorded('ses-event-bounce-permanent.json'),
      new Date('2006-06-01T00:00:00Z'),
    );
    expect(marks).toEqual(['a:poc', 'b:secondary', 'c:secondary']);
    expect(report).toEqual({ addresses: 1, marked: ['a:poc', 'b:secondary'] });
  });
});

describe('contactsOf', () => {
  it('tells the POC and the secondary contact, once when they are the same address', () => {
    const target = { companyId: 'a', legalName: 'A', category: 'importer' as const, pocEmail: 'poc@a.example' };
    expect(contactsOf(target)).toEqual(['poc@a.example']);
    expect(contactsOf({ ...target, secondaryEmail: 'two@a.example' })).toEqual(['poc@a.example', 'two@a.example']);
    expect(contactsOf({ ...target, secondaryContact: { email: 'poc@a.example' } })).toEqual(['poc@a.example']);
  });
});
