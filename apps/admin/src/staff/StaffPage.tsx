import { CreateStaffInput, StaffRole } from "@shop/contracts";
import { useId, useState, type FormEvent } from "react";
import { useMutation, useQuery } from "urql";
import { ConfirmDialog } from "../components/ConfirmDialog.tsx";
import { Field } from "../components/Field.tsx";
import { usePageNotice } from "../components/PageNotice.tsx";
import { PageTitle } from "../components/PageTitle.tsx";
import { QueryProblem } from "../components/QueryProblem.tsx";
import { formatDate } from "../format.ts";
import { describeError, NO_ANSWER } from "../graphql/client.ts";
import {
  AddStaffMemberMutation,
  ChangeStaffRoleMutation,
  RemoveStaffMemberMutation,
  StaffMembersQuery,
} from "../graphql/operations.ts";
import type { StaffMembersQuery as StaffMembersResult } from "../gql/graphql.ts";
import { ROLE_TEXT, useSignedIn } from "../session.ts";

type Member = StaffMembersResult["staffMembers"][number];
const ROLES = StaffRole.options;

/**
 * Owners only: everyone who can sign in, adding a person (email, role, a
 * first password the owner hands over), changing a role and removing a
 * person. A change of role or a removal ends that person's sessions at once.
 */
export function StaffPage() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: StaffMembersQuery });
  const [removing, setRemoving] = useState<Member | null>(null);
  const [, removeStaffMember] = useMutation(RemoveStaffMemberMutation);
  const notice = usePageNotice();
  const me = useSignedIn();
  const reload = () => refetch({ requestPolicy: "network-only" });

  function done(message: string, options: { focus?: boolean } = {}) {
    notice.announce(message, options);
    reload();
  }

  async function remove(member: Member): Promise<string | null> {
    const result = await removeStaffMember({ id: member.id });
    if (result.error) return describeError(result.error);
    if (!result.data?.removeStaffMember) return NO_ANSWER;
    setRemoving(null);
    done(`Removed ${member.email}. They are signed out and can no longer sign in.`, { focus: true });
    return null;
  }

  const members = data?.staffMembers ?? [];
  return (
    <section aria-labelledby="staff-title">
      <PageTitle>Staff</PageTitle>
      <header className="page-header">
        <div>
          <h1 id="staff-title">Staff</h1>
          <p className="page-subtitle">Who can sign in to this admin, and what each role may do.</p>
        </div>
      </header>

      {notice.element}
      <AddPerson onAdded={(message) => done(message)} />

      {error && !data && <QueryProblem error={error} onRetry={reload} />}
      {!data && fetching && <p className="loading">Loading staff…</p>}
      {members.length > 0 && (
        <div className="table-wrap card" aria-busy={fetching}>
          <table className="table table-cards">
            <caption className="visually-hidden">Everyone who can sign in, first added first</caption>
            <thead>
              <tr>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Added</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {members.map((member) => (
                <StaffRow
                  key={member.id}
                  member={member}
                  isMe={member.id === me?.id}
                  onChanged={(message) => done(message)}
                  onRemove={() => setRemoving(member)}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="role-note">
        {ROLES.map((role) => `${ROLE_TEXT[role].label}: ${ROLE_TEXT[role].does.toLowerCase()}.`).join(" ")}
      </p>

      {removing && (
        <ConfirmDialog
          title={`Remove ${removing.email}?`}
          confirmLabel="Remove person"
          busyLabel="Removing…"
          cancelLabel="Keep them"
          onConfirm={() => remove(removing)}
          onClose={() => setRemoving(null)}
        >
          <p>
            They are signed out everywhere at once and can no longer sign in. What they did stays in the audit
            log.
          </p>
        </ConfirmDialog>
      )}
    </section>
  );
}

function StaffRow(props: {
  member: Member;
  isMe: boolean;
  onChanged: (message: string) => void;
  onRemove: () => void;
}) {
  const { member, isMe } = props;
  const selectId = useId();
  const [, changeStaffRole] = useMutation(ChangeStaffRoleMutation);
  const [saving, setSaving] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function change(role: StaffRole) {
    setSaving(true);
    setProblem(null);
    const result = await changeStaffRole({ id: member.id, role });
    setSaving(false);
    if (result.error) return setProblem(describeError(result.error));
    if (!result.data?.changeStaffRole) return setProblem(NO_ANSWER);
    props.onChanged(
      `${member.email} is now ${ROLE_TEXT[role].label}. Their sessions ended, so it applies at once.`,
    );
  }

  return (
    <tr>
      <th scope="row" className="cell-name" data-label="Email">
        <span className="clamp" title={member.email}>
          {member.email}
        </span>
        {isMe && <span className="cell-sub">You</span>}
      </th>
      <td data-label="Role">
        {isMe ? (
          // Your own role is not changed here: an owner demoting themselves would lose this page mid-task.
          ROLE_TEXT[member.role].label
        ) : (
          <div className="field inline">
            <label htmlFor={selectId} className="visually-hidden">
              Role of {member.email}
            </label>
            <select
              id={selectId}
              value={member.role}
              disabled={saving}
              onChange={(event) => void change(event.target.value as StaffRole)}
            >
              {ROLES.map((role) => (
                <option key={role} value={role}>
                  {ROLE_TEXT[role].label}
                </option>
              ))}
            </select>
          </div>
        )}
        {saving && <span className="cell-sub">Saving…</span>}
        {problem && (
          <span role="alert" className="field-error">
            {problem}
          </span>
        )}
      </td>
      <td className="nowrap" data-label="Added">
        {formatDate(member.createdAt)}
      </td>
      <td className="actions">
        {!isMe && (
          <button type="button" className="button small danger-quiet" onClick={props.onRemove}>
            Remove
            <span className="visually-hidden"> {member.email}</span>
          </button>
        )}
      </td>
    </tr>
  );
}

type AddErrors = { email?: string; password?: string };

/** Add a person: the contract's rules checked here first, the gateway's refusal (taken email) shown as it says it. */
function AddPerson({ onAdded }: { onAdded: (message: string) => void }) {
  const roleId = useId();
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<StaffRole>("support");
  const [password, setPassword] = useState("");
  const [errors, setErrors] = useState<AddErrors>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [, addStaffMember] = useMutation(AddStaffMemberMutation);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setProblem(null);
    const parsed = CreateStaffInput.safeParse({ email, role, password });
    if (!parsed.success) {
      const found: AddErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        if (field === "email") found.email ??= email.trim() ? issue.message : "Enter their email address.";
        if (field === "password") found.password ??= issue.message;
      }
      setErrors(found);
      return;
    }
    setErrors({});
    setSaving(true);
    const result = await addStaffMember(parsed.data);
    setSaving(false);
    if (result.error) return setProblem(describeError(result.error));
    const added = result.data?.addStaffMember;
    if (!added) return setProblem(NO_ANSWER);
    setEmail("");
    setPassword("");
    setRole("support");
    onAdded(
      `Added ${added.email} as ${ROLE_TEXT[added.role].label}. Give them their first password yourself.`,
    );
  }

  return (
    <form
      className="card staff-add"
      onSubmit={(event) => void submit(event)}
      noValidate
      aria-labelledby={`${roleId}-title`}
    >
      <h2 id={`${roleId}-title`}>Add a person</h2>
      <Field
        label="Email"
        type="email"
        name="email"
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        value={email}
        onChange={(event) => setEmail(event.target.value)}
        error={errors.email}
      />
      <div className="field">
        <label htmlFor={roleId}>Role</label>
        <select id={roleId} value={role} onChange={(event) => setRole(event.target.value as StaffRole)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {ROLE_TEXT[r].label}
            </option>
          ))}
        </select>
      </div>
      <Field
        label="First password"
        type="password"
        name="new-password"
        autoComplete="new-password"
        value={password}
        onChange={(event) => setPassword(event.target.value)}
        hint="At least 12 characters. Tell it to them in person."
        error={errors.password}
      />
      <div className="form-actions-inline">
        <button type="submit" className="button primary" disabled={saving}>
          {saving ? "Adding…" : "Add person"}
        </button>
      </div>
      {problem && (
        <p role="alert" className="form-error">
          {problem}
        </p>
      )}
    </form>
  );
}
