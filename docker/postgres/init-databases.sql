-- One database and one owner per service: no service can read another's tables.
create user members with password 'members';
create database members owner members;
create user events with password 'events';
create database events owner events;
create user elections with password 'elections';
create database elections owner elections;
create user webhooks with password 'webhooks';
create database webhooks owner webhooks;
create user gateway with password 'gateway';
create database gateway owner gateway;
