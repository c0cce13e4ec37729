import { AuditEventView, AuditFilter } from '../../audit/list-audit';
import { defineEndpoint } from '../endpoint';
import { ListQuery, listOf } from '../pagination';

export const listAuditEndpoint = defineEndpoint({
  method: 'get',
  path: '/audit',
  summary: 'The audit log, newest first (campaign leads, administrators)',
  tag: 'Audit',
  access: 'signed_in',
  query: ListQuery.extend(AuditFilter.shape),
  response: listOf(AuditEventView),
  errors: ['forbidden'],
});
