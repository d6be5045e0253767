// Shared class lists, so every button and field looks and focuses alike.
const focus = "focus-visible:outline focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600";
export const buttonPrimary = `inline-flex items-center justify-center gap-2 rounded-md bg-sky-700 px-3 py-2 text-sm font-medium text-white hover:bg-sky-800 disabled:cursor-not-allowed disabled:opacity-50 ${focus}`;
export const buttonSecondary = `inline-flex items-center justify-center gap-2 rounded-md border border-slate-300 bg-white px-3 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50 disabled:cursor-not-allowed disabled:opacity-50 ${focus}`;
export const buttonDanger = `inline-flex items-center justify-center gap-2 rounded-md bg-red-700 px-3 py-2 text-sm font-medium text-white hover:bg-red-800 disabled:cursor-not-allowed disabled:opacity-50 ${focus}`;
export const inputClass = `block w-full rounded-md border border-slate-300 bg-white px-3 py-2 text-sm text-slate-900 placeholder:text-slate-400 ${focus}`;
export const labelClass = "block text-sm font-medium text-slate-700";
export const linkClass = `text-sky-700 underline-offset-2 hover:underline ${focus}`;
export const cardClass = "rounded-lg border border-slate-200 bg-white shadow-sm";
