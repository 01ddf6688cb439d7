import { notFound } from "next/navigation";

// Any address no page answers: proxy.ts puts every path under /<locale>, so unknown ones land here
// and get the not-found page (with a 404) inside the root layout.
export default function UnknownPage() {
  notFound();
}
