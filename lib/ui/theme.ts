/** Light/dark theme: remembered in localStorage, otherwise the OS preference. */
export type Theme = "light" | "dark";
export const THEME_KEY = "lineage-theme";

/** Runs inline in <head> before paint, so a dark page never flashes white. */
export const themeBootScript = `(function(){try{var t=localStorage.getItem("${THEME_KEY}");if(t!=="light"&&t!=="dark")t=matchMedia("(prefers-color-scheme: dark)").matches?"dark":"light";document.documentElement.classList.toggle("dark",t==="dark")}catch(e){}})()`;

export function currentTheme(): Theme {
  return document.documentElement.classList.contains("dark") ? "dark" : "light";
}

export function applyTheme(theme: Theme) {
  document.documentElement.classList.toggle("dark", theme === "dark");
  localStorage.setItem(THEME_KEY, theme);
  window.dispatchEvent(new Event(THEME_KEY));
}

/** For useSyncExternalStore: notified when the theme changes in this tab. */
export function subscribeTheme(onChange: () => void) {
  window.addEventListener(THEME_KEY, onChange);
  return () => window.removeEventListener(THEME_KEY, onChange);
}
