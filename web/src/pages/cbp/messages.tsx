/**
 * Secure messages for CBP. Threads belong to one company each and the API lists them per
 * company (there is no cross-company thread list), so this page explains where they are and
 * links to each company's record, where its threads are listed and a new one can be started.
 */
import { Link } from 'react-router';
import { PageTitle } from '../../components/layout.tsx';

export const Messages = () => (
  <>
    <PageTitle lead="Two-way secure threads between CBP and each company, kept in the portal. Emails only say that there is a new message and where to read it.">
      Messages
    </PageTitle>
    <h2>Where to find a company's threads</h2>
    <p>
      Each company's threads are on its record: open the company from the <Link to="/cbp/companies">Companies</Link> list and go to its
      Messages section, where you can read and answer a thread or start a new one with the company.
    </p>
  </>
);
