import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { clientIp } from '../client-ip';
import { config } from '../config';
import { serverSecret } from '../secret';
import { signInSchema } from './schema';
import { verifySignIn } from './sign-in';
import type { StaffRole } from '../cases/vocabulary';

declare module 'next-auth' {
  interface Session {
    user: { id: number; name: string; email: string; role: StaffRole };
    signedInAt: number;
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
  }
}

/**
 * Staff sign-in with email and password. Sessions are signed JWT cookies (nothing to share
 * between instances); every request re-reads the account, so deactivation applies at once.
 */
export function authOptions(): NextAuthOptions {
  return {
    secret: serverSecret(),
    session: { strategy: 'jwt', maxAge: config().SESSION_MAX_AGE_HOURS * 3600 },
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
      jwt({ token, user }) {
        if (user) {
          token.uid = Number(user.id);
          token.role = user.role;
          token.signedInAt = Date.now();
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
        return session;
      },
    },
  };
}
