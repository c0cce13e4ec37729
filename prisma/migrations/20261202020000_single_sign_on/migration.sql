-- Single sign-on: an OpenID Connect provider per organisation (@better-auth/sso's table).
CREATE TABLE "sso_providers" (
    "id" TEXT NOT NULL,
    "issuer" TEXT NOT NULL,
    "oidcConfig" TEXT,
    "samlConfig" TEXT,
    "userId" TEXT,
    "providerId" TEXT NOT NULL,
    "organizationId" TEXT NOT NULL,
    "domain" TEXT NOT NULL,
    "defaultRole" "Role" NOT NULL DEFAULT 'viewer',
    "passwordSignIn" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "sso_providers_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "sso_providers_providerId_key" ON "sso_providers"("providerId");
CREATE UNIQUE INDEX "sso_providers_organizationId_key" ON "sso_providers"("organizationId");

ALTER TABLE "sso_providers" ADD CONSTRAINT "sso_providers_organizationId_fkey" FOREIGN KEY ("organizationId") REFERENCES "organisations"("id") ON DELETE CASCADE ON UPDATE CASCADE;
ALTER TABLE "sso_providers" ADD CONSTRAINT "sso_providers_userId_fkey" FOREIGN KEY ("userId") REFERENCES "users"("id") ON DELETE SET NULL ON UPDATE CASCADE;
