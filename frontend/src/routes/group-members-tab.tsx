import { useInfiniteQuery, useQuery } from "@tanstack/react-query";

import { meQuery } from "../api/auth";
import { hasRole, type Member, membersQuery, type Role, useMemberMutations } from "../api/groups";
import { flatItems } from "../api/pages";
import { RoleBadge } from "../components/badge";
import { ListFooter } from "../components/load-more";
import { ProblemAlert } from "../components/problem-alert";
import { formatDate } from "../lib/format";
import { useGroup } from "./group-page";
import { MemberAddForm } from "./member-add-form";

const ASSIGNABLE: Role[] = ["viewer", "developer", "admin"];

function MemberRow({ member, groupId, canManage, isOwner, isMe }: {
  member: Member; groupId: string; canManage: boolean; isOwner: boolean; isMe: boolean;
}) {
  const { setRole, remove, transfer } = useMemberMutations(groupId);
  const owner = member.role === "owner";
  const busy = setRole.isPending || remove.isPending || transfer.isPending;
  const confirmRemove = () => {
    const what = isMe ? "Leave this group?" : `Remove ${member.username} from this group?`;
    if (window.confirm(what)) remove.mutate(member.user_id);
  };
  const confirmTransfer = () => {
    if (window.confirm(`Make ${member.username} the owner? You will become an admin.`)) {
      transfer.mutate(member.user_id);
    }
  };
  const error = setRole.error ?? remove.error ?? transfer.error;
  return (
    <>
      <tr>
        <td className="strong">{member.username}{isMe && <span className="muted"> (you)</span>}</td>
        <td>
          {canManage && !owner ? (
            <select aria-label={`Role of ${member.username}`} value={member.role} disabled={busy}
              onChange={(e) => setRole.mutate({ userId: member.user_id, role: e.target.value as Role })}>
              {ASSIGNABLE.map((r) => <option key={r} value={r}>{r}</option>)}
            </select>
          ) : (
            <RoleBadge role={member.role} />
          )}
        </td>
        <td className="muted nowrap">{formatDate(member.created_at)}</td>
        <td className="row-actions">
          {isOwner && !owner && (
            <button className="btn btn-small" disabled={busy} onClick={confirmTransfer}>Transfer ownership</button>
          )}
          {!owner && (canManage || isMe) && (
            <button className="btn btn-small btn-danger" disabled={busy} onClick={confirmRemove}>
              {isMe ? "Leave" : "Remove"}
            </button>
          )}
        </td>
      </tr>
      {error && (
        <tr><td colSpan={4}><ProblemAlert error={error} /></td></tr>
      )}
    </>
  );
}

export function GroupMembersTab() {
  const group = useGroup();
  const me = useQuery(meQuery());
  const query = useInfiniteQuery(membersQuery(group.id));
  const members = flatItems(query.data);
  const canManage = hasRole(group.my_role, "admin");
  return (
    <section className="card">
      <div className="card-head">
        <h2>Members</h2>
      </div>
      {canManage && <MemberAddForm groupId={group.id} />}
      {members.length > 0 && (
        <table className="table">
          <thead>
            <tr><th>User</th><th>Role</th><th>Member since</th><th /></tr>
          </thead>
          <tbody>
            {members.map((m) => (
              <MemberRow key={m.user_id} member={m} groupId={group.id} canManage={canManage}
                isOwner={group.my_role === "owner"} isMe={m.user_id === me.data?.id} />
            ))}
          </tbody>
        </table>
      )}
      <ListFooter query={query} count={members.length} empty="No members." />
    </section>
  );
}
