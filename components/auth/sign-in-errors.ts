/** next-auth's sign-in error codes, in words: for the page (redirects) and the form (in place). */
export const SIGN_IN_ERRORS: Record<string, string> = {
  CredentialsSignin: "That email and password do not match an account.",
  TooManyAttempts: "Too many failed sign-ins for that email. Wait 15 minutes, or ask an admin to reset the password.",
  AccessDenied: "Your account is not allowed to sign in here. Ask an admin to add your email.",
  OAuthSignin: "The single sign-on provider could not be reached.",
  OAuthCallback: "The single sign-on provider's answer could not be checked.",
  SessionRequired: "Sign in to see that page.",
};

export const describeSignInError = (code: string) => SIGN_IN_ERRORS[code] ?? "Sign-in failed. Try again.";
