import type { Command } from 'commander';
import { addUser, disableUser, resetPassword } from '../../usecases/users/manage-users.ts';
import { resetTwoFactor } from '../../usecases/auth/two-factor.ts';
import { CLI_ACTOR, reportCliError, withPlatform } from '../platform.ts';
import { readSecret } from '../prompt.ts';

/** `rongcuo user add|reset-password|reset-2fa|disable` */
export function registerUser(program: Command): void {
  const user = program.command('user').description('账号管理 / manage accounts');
  user
    .command('add <username>')
    .description('新增账号 / add an account')
    .requiredOption('--name <displayName>', '显示名 / display name')
    .option('--role <role@jurisdiction...>', '角色@辖区代码，可重复，如 case_officer@K / role@jurisdiction code, repeatable', [])
    .option('--password <password>', '密码（不填则从标准输入读取）/ password (read from stdin when omitted)')
    .action(async (username: string, opts: { name: string; role: string[]; password?: string }) => {
      try {
        const password = opts.password ?? (await readSecret('密码 / Password: '));
        const roles = opts.role.map((r) => {
          const [role = '', jurisdictionCode = ''] = r.split('@');
          return { role, jurisdictionCode };
        });
        await withPlatform(async ({ deps }) => {
          const { id } = await addUser(deps, CLI_ACTOR, { username, displayName: opts.name, password, roles });
          console.log(`已创建账号 / account created: ${username} (${id})`);
        });
      } catch (e) {
        reportCliError(e);
      }
    });
  user
    .command('reset-password <username>')
    .description('重置密码并注销其所有会话 / reset the password and end all sessions')
    .option('--password <password>', '新密码（不填则从标准输入读取）/ new password (stdin when omitted)')
    .action(async (username: string, opts: { password?: string }) => {
      try {
        const password = opts.password ?? (await readSecret('新密码 / New password: '));
        await withPlatform(({ deps }) => resetPassword(deps, CLI_ACTOR, username, password));
        console.log(`已重置密码 / password reset: ${username}`);
      } catch (e) {
        reportCliError(e);
      }
    });
  user
    .command('reset-2fa <username>')
    .description('清除双因素认证（身份验证器与恢复码）并注销其所有会话；用户下次登录时重新绑定 / clear two-factor sign-in and end all sessions; the user enrols again')
    .action(async (username: string) => {
      try {
        const { wasEnabled } = await withPlatform(({ deps }) => resetTwoFactor(deps, CLI_ACTOR, username));
        console.log(`已重置双因素认证 / two-factor sign-in reset: ${username}${wasEnabled ? '' : '（原未启用 / was not enabled）'}`);
      } catch (e) {
        reportCliError(e);
      }
    });
  user
    .command('disable <username>')
    .description('停用账号 / disable an account')
    .action(async (username: string) => {
      try {
        await withPlatform(({ deps }) => disableUser(deps, CLI_ACTOR, username));
        console.log(`已停用账号 / account disabled: ${username}`);
      } catch (e) {
        reportCliError(e);
      }
    });
}
