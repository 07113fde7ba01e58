// Every capability's routes, in one list: the server and the route-declaration test share it.
import type { RouteRegistrar } from '../platform/http/server.js';
import { registerApiKeyRoutes } from './api-keys/routes.js';
import { registerAttendanceRateRoutes } from './attendance-rates/routes.js';
import { registerFigureRoutes } from './figures/routes.js';
import { registerGroupRoutes } from './groups/routes.js';
import { registerDocumentRoutes } from './documents/routes.js';
import { registerComplaintRoutes } from './complaints/routes.js';
import { registerContractManagementRoutes } from './contract-management/routes.js';
import { registerHoursRoutes } from './hours/routes.js';
import { registerImportRoutes } from './imports/routes.js';
import { registerInvoicingRoutes } from './invoicing/routes.js';
import { registerMapEndConversationRoutes } from './map-end-conversation/routes.js';
import { registerOutboxRoutes } from './outbox/routes.js';
import { registerOidcRoutes } from './oidc/routes.js';
import { registerParticipantRoutes } from './participants/routes.js';
import { registerParticipationRoutes } from './participation/routes.js';
import { registerPortalRoutes } from './portal/routes.js';
import { registerPortfolioRoutes } from './portfolio/routes.js';
import { registerQualityRoutes } from './quality/routes.js';
import { registerProgressRoutes } from './progress/routes.js';
import { registerReferralRoutes } from './referrals/routes.js';
import { registerReportRoutes } from './reports/routes.js';
import { registerSessionRoutes } from './sessions/routes.js';
import { registerSignalCountRoutes } from './signals/counts.js';
import { registerSignalRoutes } from './signals/routes.js';
import { registerSystemRoutes } from './system/routes.js';

export const ROUTES: readonly RouteRegistrar[] = [registerSystemRoutes, registerSessionRoutes, registerParticipantRoutes, registerReferralRoutes, registerSignalRoutes, registerSignalCountRoutes, registerDocumentRoutes, registerOutboxRoutes, registerGroupRoutes, registerImportRoutes, registerHoursRoutes, registerProgressRoutes, registerAttendanceRateRoutes, registerFigureRoutes, registerApiKeyRoutes, registerOidcRoutes, registerInvoicingRoutes, registerParticipationRoutes, registerMapEndConversationRoutes, registerPortfolioRoutes, registerPortalRoutes, registerReportRoutes, registerContractManagementRoutes, registerQualityRoutes, registerComplaintRoutes];
