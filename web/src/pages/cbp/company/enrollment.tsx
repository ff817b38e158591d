/** The company's enrollment and standing, as CBP's record shows it. */
import { Fragment } from 'react';
import type { ResponseOf } from '../../../api/client.ts';
import { Countdown, DateText, StatusBadge } from '../../../components/data.tsx';
import { IDENTIFIER_FIELDS } from '../enroll.tsx';
import { categoryName } from '../shared.tsx';
import { Unreachable } from '../unreachable.tsx';
import { PROGRAM_STATUS_TERMS } from '../../../../../functions/definitions/program-status.ts';

type Company = ResponseOf<'getCompany'>;

export const Enrollment = ({ company, now }: { company: Company; now: string | undefined }) => (
  <dl className="record">
    <dt>Status</dt>
    <dd>
      <StatusBadge status={company.programStatus} /> {PROGRAM_STATUS_TERMS[company.programStatus].meaning}
    </dd>
    {company.suspension ? (
      <>
        <dt>Suspended</dt>
        <dd>
          <DateText iso={company.suspension.at} />: {company.suspension.reason}
        </dd>
        <dt>Action plan</dt>
        <dd className="prewrap">{company.suspension.actionPlan}</dd>
        <dt>Appeal</dt>
        <dd>
          {company.suspension.appeal ? (
            <>
              Filed <DateText iso={company.suspension.appeal.filedAt} />, {company.suspension.appeal.status}
            </>
          ) : (
            <>
              None yet; the window closes after <DateText iso={company.suspension.appealBy} />
            </>
          )}
        </dd>
      </>
    ) : null}
    <dt>Specialist</dt>
    <dd>
      {company.specialist ? (
        <>
          {company.specialist.name}, since <DateText iso={company.specialist.assignedAt} />
        </>
      ) : (
        'Not assigned yet'
      )}
    </dd>
    <dt>Category</dt>
    <dd>{categoryName(company.category)}</dd>
    <dt>Point of contact</dt>
    <dd>
      {company.pocName ? `${company.pocName}, ` : ''}
      {company.pocEmail} <Unreachable mark={company.pocUnreachable} who="POC" />
    </dd>
    <dt>Secondary contact</dt>
    <dd>
      {company.secondaryContact ? (
        <>
          {company.secondaryContact.name}, {company.secondaryContact.email}{' '}
          <Unreachable mark={company.secondaryUnreachable} who="Secondary contact" />
        </>
      ) : (
        'None named'
      )}
    </dd>
    {Object.entries(company.identifiers).map(([key, value]) => (
      <Fragment key={key}>
        <dt>{IDENTIFIER_FIELDS[key as keyof typeof IDENTIFIER_FIELDS]?.label ?? key}</dt>
        <dd>{value}</dd>
      </Fragment>
    ))}
    <dt>Status-verification code</dt>
    <dd>{company.sviCode ? <code>{company.sviCode}</code> : 'Not assigned yet'}</dd>
    <dt>Company id</dt>
    <dd>
      <code>{company.companyId}</code>
    </dd>
    <dt>Enrolled</dt>
    <dd>
      <DateText iso={company.enrolledAt} />
    </dd>
    <dt>Portal update completed</dt>
    <dd>{company.portalUpdateCompletedAt ? <DateText iso={company.portalUpdateCompletedAt} /> : 'Not yet'}</dd>
    {company.deadlineExtendedTo ? (
      <>
        <dt>Deadline extended to</dt>
        <dd>
          <DateText iso={company.deadlineExtendedTo} />
        </dd>
      </>
    ) : null}
    <dt>Next certification due</dt>
    <dd>
      {company.nextCertificationDueAt ? <DateText iso={company.nextCertificationDueAt} /> : '—'}
      {company.certificationStatus ? ` (last: ${company.certificationStatus})` : ''}
    </dd>
    {company.removal ? (
      <>
        <dt>Removed</dt>
        <dd>
          <DateText iso={company.removal.at} />: {company.removal.reason.replaceAll('-', ' ')}
          {company.removal.note ? `. ${company.removal.note}` : ''}
        </dd>
      </>
    ) : null}
    {company.reinstatedAt ? (
      <>
        <dt>Reinstated</dt>
        <dd>
          <DateText iso={company.reinstatedAt} />
        </dd>
      </>
    ) : null}
    {company.reapplication ? (
      <>
        <dt>Reapplication</dt>
        <dd>
          {company.reapplication.status}, submitted <DateText iso={company.reapplication.submittedAt} />
          {company.reapplication.comments ? `. ${company.reapplication.comments}` : ''}
        </dd>
      </>
    ) : null}
    {now && company.status === 'active' && company.nextCertificationDueAt ? (
      <>
        <dt>Recertification</dt>
        <dd>
          <Countdown due={company.nextCertificationDueAt} now={now} label="Annual recertification" />
        </dd>
      </>
    ) : null}
  </dl>
);
