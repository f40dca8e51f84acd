import { Link } from "react-router";

export function NotFoundPage() {
  return (
    <div className="card empty-state">
      <h1>Page not found</h1>
      <p className="muted">There is nothing at this address.</p>
      <Link to="/groups" className="btn">Back to groups</Link>
    </div>
  );
}
