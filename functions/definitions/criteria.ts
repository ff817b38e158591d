/**
 * The Supply Chain Security Profile's criteria questions, as data: sections follow the C-TPAT
 * minimum security criteria. CBP revises them here (a reviewed change, versioned with the code);
 * a question may apply to some categories only. Answers are validated against this list.
 */
import type { CategoryId } from './categories.ts';

export type AnswerKind = 'yes-no' | 'text' | 'choice';

export interface Question {
  /** Stable id, unique within its section. */
  readonly id: string;
  readonly text: string;
  readonly kind: AnswerKind;
  readonly required: boolean;
  readonly choices?: readonly string[];
  /** Only these categories answer it; default: every category. */
  readonly categories?: readonly CategoryId[];
}

export interface Section {
  readonly id: string;
  readonly title: string;
  readonly questions: readonly Question[];
}

/** Longest free-text answer: sized so the largest profile stays far below DynamoDB's 400 KB item limit. */
export const MAX_TEXT_ANSWER = 2000;

const CARGO_HANDLERS: readonly CategoryId[] = [
  'importer',
  'highway-carrier-us-canada',
  'highway-carrier-us-mexico',
  'rail-carrier',
  'sea-carrier',
  'mexican-long-haul-carrier',
  'port-authority-terminal-operator',
  'mexican-manufacturer',
  'foreign-manufacturer',
  'third-party-logistics',
  'exporter',
];

export const SECTIONS: readonly Section[] = [
  {
    id: 'business-partners',
    title: 'Business partner requirements',
    questions: [
      {
        id: 'screening-process',
        text: 'Describe how business partners are screened before they are engaged.',
        kind: 'text',
        required: true,
      },
      {
        id: 'partners-ctpat-verified',
        text: 'Do you verify whether business partners are C-TPAT certified or members of a recognized program?',
        kind: 'yes-no',
        required: true,
      },
      {
        id: 'security-in-contracts',
        text: 'Do contracts require partners to meet C-TPAT security criteria?',
        kind: 'yes-no',
        required: true,
      },
      {
        id: 'partner-review-frequency',
        text: 'How often are partners re-assessed?',
        kind: 'choice',
        choices: ['quarterly', 'annually', 'every two years', 'on change only'],
        required: true,
      },
    ],
  },
  {
    id: 'container-trailer-security',
    title: 'Container and trailer security',
    questions: [
      {
        id: 'seven-point-inspection',
        text: 'Are containers and trailers inspected (seven-point inspection) before stuffing?',
        kind: 'yes-no',
        required: true,
        categories: CARGO_HANDLERS,
      },
      {
        id: 'iso-17712-seals',
        text: 'Are ISO 17712 high-security seals affixed to loaded containers?',
        kind: 'yes-no',
        required: true,
        categories: CARGO_HANDLERS,
      },
      {
        id: 'seal-control',
        text: 'Describe how seals are stored, issued and recorded.',
        kind: 'text',
        required: true,
        categories: CARGO_HANDLERS,
      },
      {
        id: 'storage',
        text: 'Describe how empty and loaded containers are stored to prevent unauthorized access.',
        kind: 'text',
        required: false,
        categories: CARGO_HANDLERS,
      },
    ],
  },
  {
    id: 'physical-access-controls',
    title: 'Physical access controls',
    questions: [
      {
        id: 'employee-identification',
        text: 'Are employees identified by badge at every access point?',
        kind: 'yes-no',
        required: true,
      },
      {
        id: 'visitor-control',
        text: 'Describe how visitors and vendors are identified, logged and escorted.',
        kind: 'text',
        required: true,
      },
      {
        id: 'challenging-unauthorized',
        text: 'Are employees trained to challenge unauthorized or unidentified persons?',
        kind: 'yes-no',
        required: true,
      },
      {
        id: 'mail-screening',
        text: 'Describe how incoming mail and packages are screened.',
        kind: 'text',
        required: false,
      },
    ],
  },
  {
    id: 'personnel-security',
    title: 'Personnel security',
    questions: [
      {
        id: 'pre-employment-verification',
        text: 'Is application information (employment history, references) verified before hiring?',
        kind: 'yes-no',
        required: true,
      },
      {
        id: 'background-checks',
        text: 'Describe background checks and how often they are repeated.',
        kind: 'text',
        required: true,
      },
      {
        id: 'termination-procedures',
        text: 'Are badges, keys and system access removed when employment ends?',
        kind: 'yes-no',
        required: true,
      },
    ],
  },
  {
    id: 'procedural-security',
    title: 'Procedural security',
    questions: [
      {
        id: 'documentation-controls',
        text: 'Describe how shipping documents are protected against alteration and loss.',
        kind: 'text',
        required: true,
      },
      {
        id: 'manifest-procedures',
        text: 'Are manifests checked to be complete, legible, accurate and submitted on time?',
        kind: 'yes-no',
        required: true,
      },
      {
        id: 'cargo-discrepancies',
        text: 'Describe how shortages, overages and anomalies are reported and resolved.',
        kind: 'text',
        required: true,
      },
      {
        id: 'law-enforcement-notification',
        text: 'Is law enforcement notified of illegal or suspicious activity?',
        kind: 'yes-no',
        required: true,
      },
    ],
  },
  {
    id: 'security-training',
    title: 'Security training and threat awareness',
    questions: [
      {
        id: 'awareness-program',
        text: 'Describe the threat awareness program and who attends it.',
        kind: 'text',
        required: true,
      },
      {
        id: 'training-frequency',
        text: 'How often is security training given?',
        kind: 'choice',
        choices: ['at hiring only', 'annually', 'twice a year', 'quarterly'],
        required: true,
      },
      {
        id: 'incentives',
        text: 'Are employees encouraged and rewarded for reporting anomalies?',
        kind: 'yes-no',
        required: false,
      },
    ],
  },
  {
    id: 'physical-security',
    title: 'Physical security',
    questions: [
      {
        id: 'fencing',
        text: 'Are cargo handling and storage areas enclosed by perimeter fencing?',
        kind: 'yes-no',
        required: true,
      },
      {
        id: 'gates-guarded',
        text: 'Are vehicle and personnel gates manned or monitored?',
        kind: 'yes-no',
        required: true,
      },
      {
        id: 'lighting-and-alarms',
        text: 'Describe lighting, alarm and video surveillance systems.',
        kind: 'text',
        required: true,
      },
      {
        id: 'locking-devices',
        text: 'Are all doors, windows, gates and fences secured with locking devices?',
        kind: 'yes-no',
        required: true,
      },
    ],
  },
  {
    id: 'information-technology-security',
    title: 'Information technology security',
    questions: [
      {
        id: 'individual-accounts',
        text: 'Does every user have an individually assigned account with a password changed regularly?',
        kind: 'yes-no',
        required: true,
      },
      {
        id: 'access-review',
        text: 'Describe how access to systems is reviewed and revoked.',
        kind: 'text',
        required: true,
      },
      {
        id: 'incident-response',
        text: 'Describe how IT security incidents are detected and handled.',
        kind: 'text',
        required: true,
      },
      {
        id: 'mfa',
        text: 'Is multi-factor authentication required for remote access?',
        kind: 'yes-no',
        required: false,
      },
    ],
  },
];

/** The questions a company of `category` answers, section by section. */
export const questionsFor = (category: CategoryId) =>
  SECTIONS.map((section) => ({
    ...section,
    questions: section.questions.filter((q) => !q.categories || q.categories.includes(category)),
  }));
