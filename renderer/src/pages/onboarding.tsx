import { PageHeader } from "../components/page-header";
import { Wizard } from "../features/wizard/wizard";
import { useConnection } from "../hooks/api-context";
import type { PageProps } from "./page-props";

/** The steps that turn this machine into an Akash provider, resuming where the user left off. */
export function OnboardingPage({ focusHeading, navigate }: PageProps) {
  const { api } = useConnection();
  return (
    <>
      <PageHeader title="Onboarding" focusOnMount={focusHeading}>
        The steps that turn this machine into an Akash provider. Progress comes from the app itself, so you can stop and come back at any time.
      </PageHeader>
      <Wizard api={api} navigate={navigate} />
    </>
  );
}
