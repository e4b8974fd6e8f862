import { PageHeading } from "../components/PageHeading.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { Link, paths } from "../router.tsx";

export function NotFoundPage() {
  return (
    <>
      <PageTitle>Page not found</PageTitle>
      <PageHeading>Page not found</PageHeading>
      <p>There is nothing at this address.</p>
      <Link to={paths.catalog()} className="button button-primary">
        Go to the catalog
      </Link>
    </>
  );
}
