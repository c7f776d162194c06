import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { clientIp } from '../client-ip';
import { config } from '../config';
import { serverSecret } from '../secret';
import { safeReturnPath } from './return-path';
import { signInSchema } from './schema';
import { revokeSession, sessionMaxAgeSeconds, startSession } from './session-store';
import { verifySignIn } from './sign-in';
import type { StaffRole } from '../cases/vocabulary';

declare module 'next-auth' {
  interface Session {
    user: { id: number; name: string; email: string; role: StaffRole };
    signedInAt: number;
    sessionId: string;
  }
  interface User {
    role: StaffRole;
  }
}
declare module 'next-auth/jwt' {
  interface JWT {
    uid?: number;
    role?: StaffRole;
    signedInAt?: number;
    sid?: string;
  }
}

/**
 * Staff sign-in with email and password. Sessions are signed JWT cookies that name a row in
 * staff_sessions; every request re-reads that row and the account (lib/auth/session.ts), so a
 * sign-out, a deactivation or the absolute session age applies at once on every instance.
 */
export function authOptions(): NextAuthOptions {
  const maxAge = sessionMaxAgeSeconds();
  // next-auth takes its own address only from NEXTAUTH_URL; Lotse's is PUBLIC_BASE_URL.
  const { baseUrl } = config();
  return {
    secret: serverSecret(),
    useSecureCookies: baseUrl.startsWith('https://'),
    // next-auth signs the token for 30 days unless jwt.maxAge says otherwise.
    session: { strategy: 'jwt', maxAge },
    jwt: { maxAge },
    pages: { signIn: '/login' },
    providers: [
      CredentialsProvider({
        name: 'Lotse',
        credentials: { email: { type: 'email' }, password: { type: 'password' } },
        async authorize(credentials, request) {
          const parsed = signInSchema.safeParse(credentials);
          if (!parsed.success) return null;
          const headers = new Headers();
          for (const [name, value] of Object.entries(request?.headers ?? {})) {
            if (typeof value === 'string') headers.set(name, value);
          }
          const result = await verifySignIn(parsed.data.email, parsed.data.password, clientIp(headers, config().TRUST_PROXY_HOPS));
          // next-auth hands the message of a thrown error to the sign-in form.
          if (!result.ok) throw new Error(result.error);
          return { id: String(result.user.id), name: result.user.name, email: result.user.email, role: result.user.role };
        },
      }),
    ],
    callbacks: {
      redirect({ url }) {
        return `${baseUrl}${safeReturnPath(url, baseUrl, '/cases')}`;
      },
      async jwt({ token, user }) {
        if (user) {
          const session = await startSession(Number(user.id));
          token.uid = Number(user.id);
          token.role = user.role;
          token.sid = session.id;
          token.signedInAt = session.createdAt.getTime();
        }
        return token;
      },
      session({ session, token }) {
        session.user = {
          id: token.uid ?? 0,
          name: token.name ?? '',
          email: token.email ?? '',
          role: token.role ?? 'expert',
        };
        session.signedInAt = token.signedInAt ?? 0;
        session.sessionId = token.sid ?? '';
        return session;
      },
    },
    events: {
      async signOut({ token }) {
        if (token?.sid) await revokeSession(token.sid);
      },
    },
  };
}
