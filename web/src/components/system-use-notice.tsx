/**
 * The system-use notice (NIST 800-53 AC-8) shown before sign-in, in the standard words federal
 * systems use, and the acceptance that is remembered for this browser session only.
 */
const ACCEPTED_KEY = 'ctpat.systemNoticeAccepted';

/** Whether the notice was accepted earlier in this browser session (this tab, until it closes). */
export const noticeAccepted = (): boolean => {
  try {
    return sessionStorage.getItem(ACCEPTED_KEY) !== null;
  } catch {
    return false;
  }
};

export const rememberNoticeAccepted = (): void => {
  try {
    sessionStorage.setItem(ACCEPTED_KEY, new Date().toISOString());
  } catch {
    // Storage refused: the notice is asked for again next time, which is the safe side.
  }
};

export const SystemUseNotice = ({ id }: { id: string }) => (
  <section className="system-notice" aria-labelledby={`${id}-title`} id={id}>
    <h2 id={`${id}-title`}>System use notice</h2>
    <p>
      You are accessing a U.S. Government information system, which includes this computer, this network, all computers
      connected to this network, and all devices and storage media attached to this network or to a computer on this
      network. This information system is provided for U.S. Government-authorized use only.
    </p>
    <p>
      Unauthorized or improper use of this system is prohibited and may result in disciplinary action, as well as civil
      and criminal penalties.
    </p>
    <p>By using this information system, you understand and consent to the following:</p>
    <ul>
      <li>
        You have no reasonable expectation of privacy regarding any communication or data transiting or stored on this
        information system.
      </li>
      <li>
        At any time, and for any lawful Government purpose, the Government may monitor, intercept, record, and search
        and seize any communication or data transiting or stored on this information system.
      </li>
      <li>
        Any communication or data transiting or stored on this information system may be disclosed or used for any
        lawful Government purpose.
      </li>
    </ul>
  </section>
);
