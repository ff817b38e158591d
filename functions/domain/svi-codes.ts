/**
 * Status-verification codes (decision 85): each company gets one at enrollment, unique across the
 * portal through a claim item written in the same transaction as the company (as emails are kept
 * unique); companies enrolled before codes existed get theirs from `assignMissingCodes`, run once
 * by an operator (`npm run admin -- assign-svi-codes`).
 */
import { randomInt } from 'node:crypto';
import { SVI_ALPHABET, SVI_BODY_LENGTH, sviCodeOf } from '../schemas/svi-code.ts';
import { CodeTaken, Conflict, ServiceUnavailable } from '../errors.ts';
import { CATEGORY_IDS, type CategoryId } from '../definitions/categories.ts';
import type { AuditRecord } from '../schemas/audit.ts';
import type { Company } from '../schemas/company.ts';
import { auditItem, type Actor } from './audit.ts';
import type { Clock, Ids } from './clock.ts';

/** Where new codes come from: random ones in the portal, a fixed list in a test. */
export interface CodeSource {
  next(): string;
}

export const randomSviCodes: CodeSource = {
  next: () =>
    sviCodeOf(Array.from({ length: SVI_BODY_LENGTH }, () => SVI_ALPHABET[randomInt(SVI_ALPHABET.length)]).join('')),
};

/**
 * Tries `write` with fresh codes until one is free. With 31^7 (27 billion) codes and C-TPAT's
 * 11,000-odd members a draw collides about once in 2.5 million, so a fourth try means a broken
 * source, not bad luck: the error then surfaces.
 */
export const withFreshCode = async <T>(codes: CodeSource, write: (code: string) => Promise<T>): Promise<T> => {
  for (let attempt = 1; ; attempt++) {
    try {
      return await write(codes.next());
    } catch (error) {
      if (!(error instanceof CodeTaken) || attempt >= 3) throw error;
    }
  }
};

/** What assigning codes to older companies reads and writes. */
export interface CodeAssignmentStore {
  /** A page of one category's companies, every status. */
  ofCategory(
    category: CategoryId,
    status: undefined,
    cursor: string | null,
    limit: number,
  ): Promise<{ items: Company[]; cursor: string | null }>;
  /** The code, its claim and the audit record together (`already_assigned` 409 if it has one; `CodeTaken`). */
  assignCode(companyId: string, code: string, at: string, audit: AuditRecord): Promise<void>;
}

/**
 * Gives every company without a status-verification code one, each with its audit record: the
 * migration for companies enrolled before codes existed. Reads the categories' company lists (no
 * Scan). Safe to run again or twice at once: a company that has a code is left as it is.
 */
export const assignMissingCodes = async (
  deps: {
    readonly clock: Clock;
    readonly ids: Ids;
    readonly codes: CodeSource;
    readonly companies: CodeAssignmentStore;
  },
  actor: Actor,
): Promise<{ assigned: number; had: number }> => {
  let assigned = 0;
  let had = 0;
  for (const category of CATEGORY_IDS) {
    let cursor: string | null = null;
    do {
      const page: { items: Company[]; cursor: string | null } = await deps.companies.ofCategory(
        category,
        undefined,
        cursor,
        100,
      );
      for (const company of page.items) {
        if (company.sviCode) {
          had++;
          continue;
        }
        if (await assignOne(deps, actor, company.companyId)) assigned++;
        else had++;
      }
      cursor = page.cursor;
    } while (cursor);
  }
  return { assigned, had };
};

/**
 * One company's code: true when this run gave it, false when it had one (another run got there
 * first). A write that collided with another run's on the same company is tried again; the
 * condition on the company then tells which run won.
 */
const assignOne = async (
  deps: Parameters<typeof assignMissingCodes>[0],
  actor: Actor,
  companyId: string,
): Promise<boolean> => {
  for (let attempt = 1; ; attempt++) {
    const now = deps.clock.now();
    const auditId = deps.ids.next();
    try {
      await withFreshCode(deps.codes, (code) =>
        deps.companies.assignCode(
          companyId,
          code,
          now.toISOString(),
          auditItem(
            actor,
            {
              companyId,
              action: 'company.svi-code-assigned',
              objectType: 'company',
              objectId: companyId,
              changes: { after: { sviCode: code } },
            },
            now,
            auditId,
          ),
        ),
      );
      return true;
    } catch (error) {
      if (error instanceof Conflict && error.code === 'already_assigned') return false;
      if (!(error instanceof ServiceUnavailable) || attempt >= 5) throw error;
      await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
    }
  }
};
