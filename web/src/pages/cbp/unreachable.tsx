import { DateText } from '../../components/data.tsx';

/**
 * "POC unreachable": SES reported the address bouncing or complaining, so a specialist should call
 * the company before its deadline. Said in words (not colour alone), with the cause and the date.
 */
export const Unreachable = ({
  mark,
  who,
}: {
  mark: { at: string; reason: 'bounce' | 'complaint' } | null | undefined;
  who: string;
}) =>
  mark ? (
    <span className="badge badge--unreachable">
      {who} unreachable{' '}
      <span className="badge__detail">
        ({mark.reason === 'bounce' ? 'email bounced' : 'marked as spam'} <DateText iso={mark.at} />)
      </span>
    </span>
  ) : null;
