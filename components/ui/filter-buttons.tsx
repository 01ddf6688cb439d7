import Link from "next/link";
import { Button } from "./button";

/** The end of an admin list's filter form: "Apply", and once a filter is set, "Clear" back to the whole list. */
export function FilterButtons({ apply, clear, clearHref, filtered }: { apply: string; clear: string; clearHref: string; filtered: boolean }) {
  return (
    <>
      <Button type="submit" variant="secondary">
        {apply}
      </Button>
      {filtered ? (
        <Link href={clearHref} className="inline-flex min-h-11 items-center text-sm font-medium text-brand underline">
          {clear}
        </Link>
      ) : null}
    </>
  );
}
