import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useSession } from '../../api/session.tsx';
import { Async, DateText } from '../../components/data.tsx';
import { ErrorSummary, SelectField, SubmitButton, TextArea, useSubmit } from '../../components/form.tsx';
import { SaveBar, SectionNav, useUnsavedChangesWarning } from '../../components/long-editor.tsx';
import { PageTitle } from '../../components/layout.tsx';
import { useLoad } from '../../components/use-load.ts';
import { MAX_TEXT_ANSWER, questionsFor, type Question } from '../../../../functions/definitions/criteria.ts';
import type { CategoryId } from '../../../../functions/definitions/categories.ts';
import type { Answers } from '../../../../functions/schemas/profile.ts';
import { ActiveCompanyOnly, canEditProfile, useMe } from './shared.tsx';
import { Alert } from '../../components/alert.tsx';

type Answer = boolean | string | undefined;

/** A yes/no question: a radio group whose legend is the question, with "Unanswered" to clear it. */
const YesNo = ({
  label,
  value,
  onChange,
  error,
  disabled,
}: {
  label: string;
  value: Answer;
  onChange: (v: Answer) => void;
  error?: string | undefined;
  disabled: boolean;
}) => {
  const id = useId();
  const options: [string, Answer][] = [
    ['Yes', true],
    ['No', false],
    ['Unanswered', undefined],
  ];
  return (
    <fieldset
      className={`usa-fieldset radio-group${error ? ' usa-form-group--error' : ''}`}
      aria-describedby={error ? `${id}-error` : undefined}
    >
      <legend className="usa-legend">{label}</legend>
      {error ? (
        <p className="usa-error-message" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
      <div className="radio-group__options">
        {options.map(([text, v]) => (
          <div className="usa-radio" key={text}>
            <input
              className="usa-radio__input"
              type="radio"
              id={`${id}-${text}`}
              name={id}
              checked={value === v}
              disabled={disabled}
              onChange={() => onChange(v)}
            />
            <label className="usa-radio__label" htmlFor={`${id}-${text}`}>
              {text}
            </label>
          </div>
        ))}
      </div>
    </fieldset>
  );
};

const QuestionField = ({
  question,
  value,
  onChange,
  error,
  disabled,
}: {
  question: Question;
  value: Answer;
  onChange: (v: Answer) => void;
  error?: string | undefined;
  disabled: boolean;
}) => {
  const label = `${question.text}${question.required ? ' (required)' : ' (optional)'}`;
  if (question.kind === 'yes-no')
    return <YesNo label={label} value={value} onChange={onChange} error={error} disabled={disabled} />;
  if (question.kind === 'choice') {
    return (
      <SelectField
        label={label}
        value={typeof value === 'string' ? value : ''}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value || undefined)}
        error={error}
        options={[
          { value: '', label: 'Unanswered' },
          ...(question.choices ?? []).map((c) => ({ value: c, label: c.charAt(0).toUpperCase() + c.slice(1) })),
        ]}
      />
    );
  }
  return (
    <TextArea
      label={label}
      value={typeof value === 'string' ? value : ''}
      maxLength={MAX_TEXT_ANSWER}
      readOnly={disabled}
      onChange={(e) => onChange(e.target.value)}
      error={error}
    />
  );
};

/** Drops blank text answers: an empty answer is no answer. */
const cleaned = (answers: Answers): Answers =>
  Object.fromEntries(
    Object.entries(answers)
      .map(
        ([s, qs]) =>
          [
            s,
            Object.fromEntries(
              Object.entries(qs)
                .filter(([, a]) => (typeof a === 'string' ? a.trim() !== '' : a !== undefined))
                .map(([q, a]) => [q, typeof a === 'string' ? a.trim() : a]),
            ),
          ] as const,
      )
      .filter(([, qs]) => Object.keys(qs).length > 0),
  );

const ProfileEditor = ({
  category,
  version,
  savedAt,
  initial,
  onReload,
}: {
  category: CategoryId;
  version: number;
  savedAt: string;
  initial: Answers;
  onReload: () => void;
}) => {
  const me = useMe();
  const { api } = useSession();
  const editable = canEditProfile(me);
  const [answers, setAnswers] = useState<Answers>(initial);
  // What the server holds, to tell unsaved changes from saved ones.
  const [stored, setStored] = useState<Answers>(initial);
  const dirty = editable && JSON.stringify(cleaned(answers)) !== JSON.stringify(cleaned(stored));
  useUnsavedChangesWarning(dirty);
  const [current, setCurrent] = useState({ version, savedAt });
  const [saved, setSaved] = useState<string>();
  const sections = questionsFor(category);
  const required = sections.flatMap((s) => s.questions.filter((q) => q.required).map((q) => ({ s: s.id, q })));
  const answered = required.filter(({ s, q }) => {
    const a = answers[s]?.[q.id];
    return typeof a === 'string' ? a.trim() !== '' : a !== undefined;
  }).length;
  const submit = useSubmit(async () => {
    setSaved(undefined);
    const result = await api.call('saveSecurityProfile', {
      path: { companyId: me.company.companyId },
      body: { version: current.version, answers: cleaned(answers) },
    });
    setCurrent({ version: result.version, savedAt: result.savedAt });
    setStored(answers);
    setSaved(
      `Security profile saved as version ${result.version}.${result.completeness.complete ? ' Every required question is answered.' : ''}`,
    );
  });
  const set = (s: string, q: string, v: Answer) =>
    setAnswers((all) => {
      const section = { ...all[s] };
      if (v === undefined) delete section[q];
      else section[q] = v;
      return { ...all, [s]: section };
    });

  return (
    <>
      <p>
        {current.version === 0 ? (
          'Not saved yet.'
        ) : (
          <>
            Version {current.version}, saved <DateText iso={current.savedAt} withTime />.
          </>
        )}{' '}
        <Link to="/profile/history">Version history and differences</Link>
      </p>
      <div className="completeness">
        <p id="completeness-label">
          <strong>
            {answered} of {required.length}
          </strong>{' '}
          required questions answered
        </p>
        <progress className="progress" aria-labelledby="completeness-label" max={required.length} value={answered}>
          {answered} of {required.length}
        </progress>
      </div>
      {!editable ? (
        <Alert type="info">
          <p>You can read the profile. Your primary point of contact has not allowed you to change it.</p>
        </Alert>
      ) : null}
      {submit.error?.status === 409 ? (
        <Alert type="error" role="alert">
          <p>
            Someone else saved a newer version of the profile after you opened it, so your changes were not saved.
            Reload to see the latest version, then make your changes again.
          </p>
          <button type="button" className="usa-button usa-button--outline" onClick={onReload}>
            Reload the latest version
          </button>
        </Alert>
      ) : (
        <ErrorSummary
          error={submit.error}
          fieldName={(field) => {
            const [, sectionId, questionId] = field.split('.');
            return sections.find((s) => s.id === sectionId)?.questions.find((q) => q.id === questionId)?.text;
          }}
        />
      )}
      <SectionNav
        label="Profile sections"
        sections={sections.map((section) => {
          const asked = section.questions.filter((q) => q.required);
          const done = asked.filter((q) => {
            const a = answers[section.id]?.[q.id];
            return typeof a === 'string' ? a.trim() !== '' : a !== undefined;
          }).length;
          return {
            id: `section-${section.id}`,
            title: section.title,
            ...(asked.length ? { note: `${done} of ${asked.length}` } : {}),
          };
        })}
      />
      <form className="form" noValidate onSubmit={submit.onSubmit}>
        {sections.map((section) => (
          <section className="profile-section" key={section.id}>
            <h2 id={`section-${section.id}`}>{section.title}</h2>
            {section.questions.map((q) => (
              <QuestionField
                key={q.id}
                question={q}
                value={answers[section.id]?.[q.id]}
                onChange={(v) => set(section.id, q.id, v)}
                error={submit.fieldError(`answers.${section.id}.${q.id}`)}
                disabled={!editable}
              />
            ))}
          </section>
        ))}
        {editable ? (
          <SaveBar saved={saved} dirty={dirty}>
            <SubmitButton busy={submit.busy}>Save security profile</SubmitButton>
          </SaveBar>
        ) : null}
      </form>
    </>
  );
};

/** The Supply Chain Security Profile: the criteria questions of the company's category. */
export const Profile = () => {
  const me = useMe();
  const { api } = useSession();
  const companyId = me.company.companyId;
  const state = useLoad(['getCompany+getSecurityProfile', companyId], async () => {
    const [company, profile] = await Promise.all([
      api.call('getCompany', { path: { companyId } }),
      api.call('getSecurityProfile', { path: { companyId } }),
    ]);
    return { category: company.category, profile };
  });
  return (
    <ActiveCompanyOnly title="Security Profile">
      <PageTitle lead="Answer every required question. Each save is kept as a new version; nobody's save overwrites another's.">
        Security Profile
      </PageTitle>
      <Async state={state} what="Loading the security profile">
        {({ category, profile }) => (
          <ProfileEditor
            key={profile.version}
            category={category}
            version={profile.version}
            savedAt={profile.savedAt}
            initial={profile.answers}
            onReload={state.reload}
          />
        )}
      </Async>
    </ActiveCompanyOnly>
  );
};
