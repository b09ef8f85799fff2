import { useEffect, useRef, type ReactNode } from "react";
import { useWords } from "../i18n/language";
import { words } from "../i18n/words";

let firstScreen = true;

/** A screen: its title in the tab and as the one h1, which takes the focus after navigating. */
export function Page({ title, children }: { title: string; children: ReactNode }) {
  const t = useWords();
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t(words.product)}`;
  }, [title, t]);
  useEffect(() => {
    // A screen reached by a link inside the app is announced by moving the focus to its title;
    // the first screen of a page load leaves the focus where the browser puts it.
    if (firstScreen) firstScreen = false;
    else heading.current?.focus();
  }, []);
  return (
    <>
      <h1 ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </>
  );
}
