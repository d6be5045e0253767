import Link from "next/link";
import { linkClass } from "@/components/ui/styles";

export default function NotFound() {
  return (
    <div className="py-10">
      <h1 className="text-xl font-semibold">Not found</h1>
      <p className="mt-2 text-sm text-slate-600">
        It does not exist, or you do not have access to it.{" "}
        <Link className={linkClass} href="/runs">
          Back to runs
        </Link>
      </p>
    </div>
  );
}
